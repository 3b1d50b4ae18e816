import { applyDecorators } from '@nestjs/common';
import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsOptional, IsString, IsUrl, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { CVR_PATTERN, PHONE_MESSAGE, PHONE_PATTERN, SLUG_PATTERN, Trim, TrimLower } from '@mangfold/common';
import type { LocalizedTextFields } from '@mangfold/graphql';
import { DescriptionInput } from './localized-text.input';
import { CvrNormalized } from './transforms';

/**
 * A slug field: lower-case letters, digits and single dashes, 2 to 80 characters. Optional unless
 * `required`; `example` is what the error message shows.
 */
export const SlugField = (description: string, options: { required?: boolean; example?: string } = {}): PropertyDecorator =>
  applyDecorators(
    Field(() => String, { nullable: !options.required, description }),
    Trim(),
    ...(options.required ? [IsString({ message: 'is required' })] : [IsOptional(), IsString()]),
    Length(2, 80, { message: 'must be 2 to 80 characters' }),
    Matches(SLUG_PATTERN, {
      message: `may hold only lower-case letters, digits and single dashes (e.g. "${options.example ?? 'valby-kulturbro'}")`,
    }),
  );

/** The optional details an association has, shared by sign-up and update. Null clears a value on update. */
@InputType({ isAbstract: true })
export abstract class AssociationDetailsInput {
  /** Declared by each subclass, with its own description. */
  abstract slug?: string | null;

  @Field(() => DescriptionInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => DescriptionInput)
  description?: LocalizedTextFields | null;

  @Field(() => String, { nullable: true, description: 'One of `districts { slug }`' })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(80)
  districtSlug?: string | null;

  @Field(() => String, { nullable: true, description: 'One of `housingAreas { slug }`; sets the district when that is left out' })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(80)
  housingAreaSlug?: string | null;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'must be a web address starting with https:// or http://' })
  @MaxLength(500, { message: 'must be at most 500 characters' })
  website?: string | null;

  @Field(() => String, { nullable: true, description: 'Public contact email, shown only when showContact is true' })
  @TrimLower()
  @IsOptional()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  contactEmail?: string | null;

  @Field(() => String, { nullable: true, description: 'Public contact phone, shown only when showContact is true' })
  @Trim()
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: PHONE_MESSAGE })
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
