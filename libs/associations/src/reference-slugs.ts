import type { EntityManager } from '@mikro-orm/postgresql';
import type { FieldErrors } from '@mangfold/graphql';

/**
 * Slugs of the seeded districts and housing areas before they followed slugify's Danish
 * transliteration (æ → ae, ø → oe, å → aa); the migration `danish-reference-slugs` renamed them.
 * Old district feed URLs redirect to the new ones; elsewhere an old slug is refused with the new one named.
 */
export const FORMER_DISTRICT_SLUGS: ReadonlyMap<string, string> = new Map([
  ['osterbro', 'oesterbro'],
  ['norrebro', 'noerrebro'],
  ['vanlose', 'vanloese'],
  ['bronshoj-husum', 'broenshoej-husum'],
  ['amager-ost', 'amager-oest'],
]);

export const FORMER_HOUSING_AREA_SLUGS: ReadonlyMap<string, string> = new Map([['mjolnerparken', 'mjoelnerparken']]);

export type SlugSubject = 'district' | 'housingArea' | 'occasion' | 'association' | 'theme';

const LOOKUP: Readonly<Record<SlugSubject, { sql: string; what: string; former?: ReadonlyMap<string, string> }>> = {
  district: { sql: 'select 1 from district where slug = ?', what: 'a district (see the districts query)', former: FORMER_DISTRICT_SLUGS },
  housingArea: {
    sql: 'select 1 from housing_area where slug = ?',
    what: 'a housing area (see the housingAreas query)',
    former: FORMER_HOUSING_AREA_SLUGS,
  },
  occasion: { sql: 'select 1 from occasion where slug = ?', what: 'an occasion (see the occasions query)' },
  // As the association feeds: only approved associations have a public calendar.
  association: { sql: `select 1 from association where slug = ? and status = 'APPROVED'`, what: 'an approved association' },
  theme: { sql: 'select 1 from theme where slug = ?', what: 'a theme (see the themes query)' },
};

/**
 * Checks the slugs a list filter names, in one statement: `{ districtSlug: 'is not a district …' }`
 * for each that names nothing, so a typo answers BAD_USER_INPUT rather than an empty list.
 */
export async function unknownSlugs(
  em: EntityManager,
  slugs: { field: string; subject: SlugSubject; slug: string }[],
): Promise<FieldErrors> {
  if (!slugs.length) return {};
  const sql = slugs.map((s, i) => `select ${i} as i where exists (${LOOKUP[s.subject].sql})`).join(' union all ');
  const found: { i: number }[] = await em.getConnection().execute(
    sql,
    slugs.map((s) => s.slug),
  );
  const known = new Set(found.map((r) => Number(r.i)));
  const errors: FieldErrors = {};
  slugs.forEach((s, i) => {
    if (known.has(i)) return;
    const { what, former } = LOOKUP[s.subject];
    const renamed = former?.get(s.slug);
    errors[s.field] = renamed ? `${s.field} "${s.slug}" is now "${renamed}"` : `${s.field} is not ${what}`;
  });
  return errors;
}
