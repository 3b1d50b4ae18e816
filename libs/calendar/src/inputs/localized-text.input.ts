import { LocalizedTextInput, type LocalizedTextFields } from '@mangfold/graphql';

/** Text in Danish and/or English; a language left out (or blank) falls back to the other one when read. */
export const LocalizedLongTextInput = LocalizedTextInput('LocalizedLongTextInput', 10_000, {
  description: 'Text in Danish and/or English (each at most 10,000 characters)',
});
export type LocalizedLongTextInput = LocalizedTextFields;

export const LocalizedNameInput = LocalizedTextInput('LocalizedNameInput', 200, {
  description: 'A title or name in Danish and/or English (each at most 200 characters)',
});
export type LocalizedNameInput = LocalizedTextFields;
