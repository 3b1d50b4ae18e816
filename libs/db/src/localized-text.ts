/** Text per language code (`da`, `en`, and room for more), stored as jsonb. */
export type LocalizedText = Partial<Record<string, string>>;

/** The text in `lang`, falling back to Danish, then English, then any language present. */
export function localize(text: LocalizedText | null | undefined, lang: string): string | undefined {
  if (!text) return undefined;
  return text[lang] ?? text.da ?? text.en ?? Object.values(text).find((v) => v !== undefined);
}

/** Localized text from an input: blank (null) languages are dropped, so reading falls back to the other one. */
export function toLocalizedText(input: { da?: string | null; en?: string | null } | null | undefined): LocalizedText {
  const text: LocalizedText = {};
  if (input?.da) text.da = input.da;
  if (input?.en) text.en = input.en;
  return text;
}
