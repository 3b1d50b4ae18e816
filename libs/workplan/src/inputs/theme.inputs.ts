import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsString, Length, Matches, ValidateNested } from 'class-validator';
import { DescriptionInput } from '@mangfold/associations';
import { SLUG_PATTERN, Trim } from '@mangfold/common';
import type { LocalizedTextFields } from '@mangfold/graphql';

@InputType()
export class CreateThemeInput {
  @Field({ description: 'Persistent: filters, feeds and KPIs name the theme by it' })
  @Trim()
  @IsString({ message: 'is required' })
  @Length(2, 80, { message: 'must be 2 to 80 characters' })
  @Matches(SLUG_PATTERN, { message: 'must be lower-case letters, digits and single dashes' })
  slug!: string;

  @Field(() => DescriptionInput)
  @ValidateNested()
  @Type(() => DescriptionInput)
  name!: LocalizedTextFields;
}

@InputType()
export class UpdateThemeInput {
  @Field(() => DescriptionInput)
  @ValidateNested()
  @Type(() => DescriptionInput)
  name!: LocalizedTextFields;
}
