/**
 * The languages the product speaks. A plain object rather than a TypeScript enum, so 'da' and
 * `Language.DA` are one type: the GraphQL enum (registered in @mangfold/graphql), the keys of
 * localized text and the `?lang=` of pages and feeds all use it.
 */
export const Language = { DA: 'da', EN: 'en' } as const;
export type Language = (typeof Language)[keyof typeof Language];

export const LANGUAGES: readonly Language[] = [Language.DA, Language.EN];

/** What a route answers when `?lang=` is neither da nor en. */
export const LANGUAGE_PROBLEM = 'lang must be da or en';

/**
 * `?lang=` (or a form's `lang`): da or en in any case and with spaces around; absent or blank is
 * `fallback`. Anything else is undefined: a route either refuses it (LANGUAGE_PROBLEM) or falls
 * back with `?? fallback`.
 */
export function parseLanguage(value: unknown, fallback: Language = Language.DA): Language | undefined {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'string') return undefined;
  const code = value.trim().toLowerCase();
  if (code === '') return fallback;
  return code === Language.DA || code === Language.EN ? code : undefined;
}

/** The first language of an Accept-Language header the product speaks, in the header's order. */
export function acceptedLanguage(header: string | readonly string[] | undefined): Language | undefined {
  const value = typeof header === 'string' ? header : header?.join(',');
  if (!value) return undefined;
  for (const part of value.split(',')) {
    const code = part.trim().slice(0, 2).toLowerCase();
    if (code === Language.DA || code === Language.EN) return code;
  }
  return undefined;
}
