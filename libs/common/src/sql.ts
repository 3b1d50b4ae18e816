/** Text matched literally by LIKE/ILIKE (with PostgreSQL's default escape character, the backslash). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
