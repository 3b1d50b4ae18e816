import { Field, Float, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDefined, IsEnum, IsNumber, IsOptional, IsString, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Trim } from '@mangfold/common';
import { AssociationKind } from '../association.entity';
import { AssociationDetailsInput, SlugField } from './association-fields';
import { NotNullWhenPresent } from './transforms';

@InputType('AssociationLocationInput', {
  description: 'Where the association is found (public, on the TFI-atlas); give latitude and longitude together or not at all',
})
export class AssociationLocationInput {
  @Field(() => String, { nullable: true, description: 'Street and number' })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(300, { message: 'must be at most 300 characters' })
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. "2200"' })
  @Trim()
  @IsOptional()
  @IsString()
  @Matches(/^[0-9]{4}$/, { message: 'must be a Danish postal code of 4 digits, e.g. 2200' })
  postalCode?: string | null;

  @Field(() => String, { nullable: true, description: 'The postal town, e.g. "København N"' })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: 'must be at most 100 characters' })
  city?: string | null;

  @Field(() => Float, { nullable: true, description: 'WGS 84, -90 to 90' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'must be a number' })
  @Min(-90, { message: 'must be between -90 and 90' })
  @Max(90, { message: 'must be between -90 and 90' })
  latitude?: number | null;

  @Field(() => Float, { nullable: true, description: 'WGS 84, -180 to 180' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'must be a number' })
  @Min(-180, { message: 'must be between -180 and 180' })
  @Max(180, { message: 'must be between -180 and 180' })
  longitude?: number | null;
}

@InputType({ description: 'Only the fields given change; null clears an optional field' })
export class UpdateAssociationInput extends AssociationDetailsInput {
  @Field(() => String, { nullable: true })
  @Trim()
  @NotNullWhenPresent()
  @IsDefined({ message: 'must not be null' })
  @IsString()
  @Length(2, 200, { message: 'must be 2 to 200 characters' })
  name?: string;

  @Field(() => AssociationKind, { nullable: true })
  @NotNullWhenPresent()
  @IsDefined({ message: 'must not be null' })
  @IsEnum(AssociationKind)
  kind?: AssociationKind;

  @SlugField("A new slug; the association's feed URL changes with it")
  slug?: string;

  @Field(() => AssociationLocationInput, { nullable: true, description: 'Replaces the whole location; null clears it' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AssociationLocationInput)
  location?: AssociationLocationInput | null;
}
