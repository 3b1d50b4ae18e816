import { type SiteLanguage, sitePaths } from '@mangfold/config';
import { AssociationKind } from '@mangfold/associations';

/** Projects live in the project bank; every other kind of actor under associations. */
/** A page's address in each language, for `PageMeta.alternates`. */
export function inBothLanguages(path: (lang: SiteLanguage) => string): Record<SiteLanguage, string> {
  return { da: path('da'), en: path('en') };
}

export function actorPath(lang: SiteLanguage, actor: { slug: string; kind: AssociationKind }): string {
  return actor.kind === AssociationKind.PROJECT ? sitePaths.project(lang, actor.slug) : sitePaths.association(lang, actor.slug);
}

/**
 * The events listing's filters as query parameters, so a scope page can link to "all of it" (and
 * its RSS) on the listing. The names must match what the listing reads.
 */
export interface ListingFilter {
  district?: string;
  housingArea?: string;
  occasion?: string;
  association?: string;
  kind?: string;
}

const PARAM: Record<keyof ListingFilter, string> = {
  district: 'district',
  housingArea: 'housingArea',
  occasion: 'occasion',
  association: 'association',
  kind: 'kind',
};

export function withFilter(path: string, filter: ListingFilter): string {
  const query = new URLSearchParams();
  for (const key of Object.keys(PARAM) as (keyof ListingFilter)[]) {
    const value = filter[key];
    if (value) query.set(PARAM[key], value);
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
