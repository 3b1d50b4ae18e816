import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsString, Length, Matches, ValidateNested } from 'class-validator';
import { LocalizedTextInput, Trimmed } from '@mangfold/associations';

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

@InputType()
export class CreateThemeInput {
  @Field({ description: 'Persistent: filters, feeds and KPIs name the theme by it' })
  @Trimmed()
  @IsString()
  @Length(2, 80, { message: 'must be 2 to 80 characters' })
  @Matches(SLUG, { message: 'must be lower-case letters, digits and single dashes' })
  slug!: string;

  @Field(() => LocalizedTextInput)
  @ValidateNested()
  @Type(() => LocalizedTextInput)
  name!: LocalizedTextInput;
}

@InputType()
export class UpdateThemeInput {
  @Field(() => LocalizedTextInput)
  @ValidateNested()
  @Type(() => LocalizedTextInput)
  name!: LocalizedTextInput;
}
