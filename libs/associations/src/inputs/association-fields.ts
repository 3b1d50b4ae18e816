import { applyDecorators } from '@nestjs/common';
import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsOptional, IsString, IsUrl, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { LocalizedTextInput } from './localized-text.input';
import { CVR_PATTERN, CvrNormalized, LowerCased, PHONE_PATTERN, SLUG_PATTERN, Trimmed } from './transforms';

/** An optional slug field: lower-case letters, digits and single dashes. */
export const SlugField = (description: string): PropertyDecorator =>
  applyDecorators(
    Field(() => String, { nullable: true, description }),
    Trimmed({ blankAsNull: true }),
    IsOptional(),
    IsString(),
    Length(2, 80, { message: 'must be 2 to 80 characters' }),
    Matches(SLUG_PATTERN, { message: 'may hold only lower-case letters, digits and single dashes (e.g. "valby-kulturbro")' }),
  );

/** The optional details an association has, shared by sign-up and update. Null clears a value on update. */
@InputType({ isAbstract: true })
export abstract class AssociationDetailsInput {
  /** Declared by each subclass, with its own description. */
  abstract slug?: string | null;

  @Field(() => LocalizedTextInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocalizedTextInput)
  description?: LocalizedTextInput | null;

  @Field(() => String, { nullable: true, description: 'One of `districts { slug }`' })
  @Trimmed({ blankAsNull: true })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  districtSlug?: string | null;

  @Field(() => String, { nullable: true, description: 'One of `housingAreas { slug }`; sets the district when that is left out' })
  @Trimmed({ blankAsNull: true })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  housingAreaSlug?: string | null;

  @Field(() => String, { nullable: true })
  @Trimmed({ blankAsNull: true })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'must be a web address starting with https:// or http://' })
  @MaxLength(500, { message: 'must be at most 500 characters' })
  website?: string | null;

  @Field(() => String, { nullable: true, description: 'Public contact email, shown only when showContact is true' })
  @LowerCased()
  @Trimmed({ blankAsNull: true })
  @IsOptional()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  contactEmail?: string | null;

  @Field(() => String, { nullable: true, description: 'Public contact phone, shown only when showContact is true' })
  @Trimmed({ blankAsNull: true })
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: 'must be a phone number, e.g. +45 12 34 56 78' })
  @MaxLength(40, { message: 'must be at most 40 characters' })
  contactPhone?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Show contactEmail and contactPhone to the public' })
  @IsOptional()
  @IsBoolean()
  showContact?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Danish CVR number, 8 digits' })
  @CvrNormalized()
  @IsOptional()
  @Matches(CVR_PATTERN, { message: 'must be a CVR number of 8 digits' })
  cvr?: string | null;
}
