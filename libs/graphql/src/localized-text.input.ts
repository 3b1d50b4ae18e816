import type { Type } from '@nestjs/common';
import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Trim } from '@mangfold/common';

/** Text in Danish and/or English as an input gives it; a blank language is null (see `toLocalizedText`). */
export interface LocalizedTextFields {
  da?: string | null;
  en?: string | null;
}

/**
 * A GraphQL input of text per language, each at most `maxLength` characters once trimmed. Each
 * GraphQL name is made once, at module load, by the lib that owns it (the names are public API).
 */
export function LocalizedTextInput(
  name: string,
  maxLength: number,
  options: { description?: string; languageDescriptions?: boolean } = {},
): Type<LocalizedTextFields> {
  const languageField = (language: string): PropertyDecorator[] => [
    Field(() => String, { nullable: true, description: options.languageDescriptions ? language : undefined }),
    Trim(),
    IsOptional(),
    IsString(),
    MaxLength(maxLength, { message: `must be at most ${maxLength} characters` }),
  ];

  class LocalizedText implements LocalizedTextFields {
    da?: string | null;
    en?: string | null;
  }
  Object.defineProperty(LocalizedText, 'name', { value: name });
  // In the order TypeScript applies stacked decorators: the one nearest the property first.
  for (const decorator of languageField('Danish').reverse()) decorator(LocalizedText.prototype, 'da');
  for (const decorator of languageField('English').reverse()) decorator(LocalizedText.prototype, 'en');
  InputType(name, { description: options.description })(LocalizedText);
  return LocalizedText;
}
