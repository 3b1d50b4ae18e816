import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsInt, IsOptional, IsString, Max, Min, ValidateNested } from 'class-validator';
import { DescriptionInput, SlugField } from '@mangfold/associations';
import type { LocalizedTextFields } from '@mangfold/graphql';

@InputType()
export class AreaInput {
  @SlugField('Persistent: the atlas page and the KPI name it', { required: true, example: 'tingbjerg' })
  slug!: string;

  @Field(() => DescriptionInput)
  @ValidateNested()
  @Type(() => DescriptionInput)
  name!: LocalizedTextFields;

  @Field(() => DescriptionInput, { nullable: true, description: 'The text above the atlas' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DescriptionInput)
  atlasIntro?: LocalizedTextFields | null;

  @Field(() => [String], { description: 'Slugs of the districts the area is made of' })
  @ArrayMaxSize(20)
  @IsString({ each: true })
  districtSlugs!: string[];

  @Field(() => [String], { description: 'Slugs of the housing areas the area is made of' })
  @ArrayMaxSize(50)
  @IsString({ each: true })
  housingAreaSlugs!: string[];
}

@ArgsType()
export class ActorsArgs {
  @Field(() => Int, { nullable: true, defaultValue: 50, description: 'Page size, 1 to 100' })
  @IsInt()
  @Min(1)
  @Max(100)
  first: number = 50;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  after?: string | null;
}
