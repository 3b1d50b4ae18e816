import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { DescriptionInput } from '@mangfold/associations';
import { PHONE_MESSAGE, PHONE_PATTERN, Trim, TrimLower } from '@mangfold/common';
import type { LocalizedTextFields } from '@mangfold/graphql';
import { AdviceKind } from '../seminar-package.entities';

@InputType()
export class SpeakerInput {
  @Field()
  @Trim()
  @IsString({ message: 'is required' })
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  organisation?: string | null;

  @Field(() => [String], { description: 'What the speaker talks about' })
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  topics!: string[];

  @Field(() => String, { nullable: true, description: 'Shown to members and admins only' })
  @IsOptional()
  @TrimLower()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  contactEmail?: string | null;

  @Field(() => String, { nullable: true, description: 'Shown to members and admins only' })
  @IsOptional()
  @Trim()
  @Matches(PHONE_PATTERN, { message: PHONE_MESSAGE })
  contactPhone?: string | null;
}

@InputType()
export class MaterialInput {
  @Field(() => DescriptionInput)
  @ValidateNested()
  @Type(() => DescriptionInput)
  title!: LocalizedTextFields;

  @Field(() => String, { nullable: true, description: 'A link (http or https); or upload a file to /materials/:id/file' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'must be an http(s) link' })
  @MaxLength(500)
  url?: string | null;

  @Field(() => ID, { nullable: true, description: 'The seminar or network meeting it belongs to' })
  @IsOptional()
  @IsUUID('all', { message: 'is not a valid id' })
  eventId?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  @IsOptional()
  @IsBoolean()
  published: boolean = false;
}

@InputType()
export class AdviceItemInput {
  @Field(() => AdviceKind)
  @IsEnum(AdviceKind)
  kind!: AdviceKind;

  @Field(() => DescriptionInput)
  @ValidateNested()
  @Type(() => DescriptionInput)
  title!: LocalizedTextFields;

  @Field(() => DescriptionInput)
  @ValidateNested()
  @Type(() => DescriptionInput)
  body!: LocalizedTextFields;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  @IsOptional()
  @IsBoolean()
  published: boolean = false;
}

@ArgsType()
export class CatalogueArgs {
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
