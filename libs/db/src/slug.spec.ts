import type { EntityManager } from '@mikro-orm/core';
import { freeSlug, slugify } from './slug';
import { toLocalizedText } from './localized-text';

class Thing {
  slug!: string;
}

/** Answers `find` from a fixed list of taken slugs, keeping the LIKE filter it was given. */
function takenSlugs(slugs: string[]): { em: EntityManager; likes: string[] } {
  const likes: string[] = [];
  const em = {
    find: async (_entity: unknown, where: { slug: { $like: string } }) => {
      likes.push(where.slug.$like);
      return slugs.map((slug) => ({ slug }));
    },
  } as unknown as EntityManager;
  return { em, likes };
}

describe('slugs', () => {
  it('makes URL-safe slugs from Danish names', () => {
    expect(slugify('Nørrebro Kulturforening')).toBe('noerrebro-kulturforening');
    expect(slugify('!!!')).toBe('');
  });

  it('takes the base when it is free, else the first free number', async () => {
    expect(await freeSlug(takenSlugs([]).em, Thing, 'eid-i-valby')).toBe('eid-i-valby');
    expect(await freeSlug(takenSlugs(['eid-i-valby', 'eid-i-valby-2', 'eid-i-valby-extra']).em, Thing, 'eid-i-valby')).toBe(
      'eid-i-valby-3',
    );
  });

  it('matches the base literally', async () => {
    const { em, likes } = takenSlugs([]);
    await freeSlug(em, Thing, 'a_b%');
    expect(likes).toEqual(['a\\_b\\%%']);
  });
});

describe('toLocalizedText', () => {
  it('keeps the languages given and drops blank ones', () => {
    expect(toLocalizedText({ da: 'Hej', en: null })).toEqual({ da: 'Hej' });
    expect(toLocalizedText(null)).toEqual({});
  });
});
