import type { LocalizedText } from '@mangfold/db';
import { BadUserInputError } from '@mangfold/graphql';

/** `{ da, en }` with blanks dropped; BAD_USER_INPUT on `field` when neither language has text. */
export function requiredText(field: string, value: { da?: string | null; en?: string | null }, max = 200): LocalizedText {
  const text: LocalizedText = {};
  if (value.da) text.da = value.da;
  if (value.en) text.en = value.en;
  if (!text.da && !text.en) throw BadUserInputError.field(field, 'needs a text in at least one language (da or en)');
  if ((text.da?.length ?? 0) > max || (text.en?.length ?? 0) > max)
    throw BadUserInputError.field(field, `must be at most ${max} characters`);
  return text;
}

/** `{ da, en }` with blanks dropped; null when empty. */
export function optionalText(value: { da?: string | null; en?: string | null } | null | undefined): LocalizedText | null {
  if (!value) return null;
  const text: LocalizedText = {};
  if (value.da) text.da = value.da;
  if (value.en) text.en = value.en;
  return text.da || text.en ? text : null;
}
