const DANISH: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa', Æ: 'ae', Ø: 'oe', Å: 'aa', ß: 'ss' };

/** URL-safe slug: "Nørrebro Kulturforening" → "noerrebro-kulturforening". Empty when nothing usable is left. */
export function slugify(text: string, maxLength = 80): string {
  return text
    .replace(/[æøåÆØÅß]/g, (c) => DANISH[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '');
}
