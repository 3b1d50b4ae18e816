import type { EntityClass, EntityManager, FilterQuery } from '@mikro-orm/core';
import { escapeLike } from '@mangfold/common';

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

/** The first slug not taken in `entity`: `base`, then `base-2`, `base-3`, … */
export async function freeSlug<T extends { slug: string }>(em: EntityManager, entity: EntityClass<T>, base: string): Promise<string> {
  const where = { slug: { $like: `${escapeLike(base)}%` } } as FilterQuery<T>;
  const taken = new Set((await em.find(entity, where, { fields: ['slug'] as never })).map((row) => row.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
