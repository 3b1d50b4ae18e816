/** Languages the product speaks; every localized text has at least one of them. */
export const LANGUAGES = ['da', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Text per language code (`da`, `en`, and room for more), stored as jsonb. */
export type LocalizedText = Partial<Record<string, string>>;

/** The text in `lang`, falling back to Danish, then English, then any language present. */
export function localize(text: LocalizedText | null | undefined, lang: string): string | undefined {
  if (!text) return undefined;
  return text[lang] ?? text.da ?? text.en ?? Object.values(text).find((v) => v !== undefined);
}
