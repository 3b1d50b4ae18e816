import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { DescriptionInput } from '@mangfold/associations';
import { Trim } from '@mangfold/common';
import type { LocalizedTextFields } from '@mangfold/graphql';

@InputType()
export class ProjectVisitInput {
  @Field(() => ID, { description: 'The project visited (an association of kind PROJECT)' })
  @IsUUID('all', { message: 'is not a valid id' })
  projectId!: string;

  @Field({ description: 'The day of the visit, a local date (YYYY-MM-DD); a later day is a planned visit' })
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'must be a date (YYYY-MM-DD)' })
  @Length(10, 10, { message: 'must be a date (YYYY-MM-DD)' })
  visitedOn!: string;

  @Field(() => String, { nullable: true, description: "TFI's internal notes; never public" })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(10_000, { message: 'must be at most 10000 characters' })
  notes?: string | null;

  @Field(() => DescriptionInput, { nullable: true, description: "Good practice found: public on the project's page once published" })
  @IsOptional()
  @ValidateNested()
  @Type(() => DescriptionInput)
  goodPractice?: LocalizedTextFields | null;

  @Field(() => Boolean, { nullable: true, description: 'Publish the good practice found (default false)' })
  @IsOptional()
  @IsBoolean()
  publishFindings?: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description: "The project is in one of the five housing areas; default: the project's housing area is one of them",
  })
  @IsOptional()
  @IsBoolean()
  inFocusHousingArea?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'The project works on safety (tryghed)' })
  @IsOptional()
  @IsBoolean()
  onSafety?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'The project works on employment' })
  @IsOptional()
  @IsBoolean()
  onEmployment?: boolean;
}

@ArgsType()
export class ProjectVisitsArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'is not a valid id' })
  projectId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Visits in this calendar year' })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number | null;

  @Field(() => Int, { nullable: true, defaultValue: 25, description: 'Page size, 1 to 100' })
  @IsInt()
  @Min(1)
  @Max(100)
  first: number = 25;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  after?: string | null;
}
