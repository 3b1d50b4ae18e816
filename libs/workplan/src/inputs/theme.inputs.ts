import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { DescriptionInput, SlugField } from '@mangfold/associations';
import type { LocalizedTextFields } from '@mangfold/graphql';

@InputType()
export class CreateThemeInput {
  @SlugField('Persistent: filters, feeds and KPIs name the theme by it', { required: true, example: 'ramadan' })
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
