/**
 * The public site's URL scheme (WEB.md): Danish at the root, English under /en. Pages, feeds and
 * mails all build their links here, so a link Mangfold emits always names a page that exists.
 */
export type SiteLanguage = 'da' | 'en';

export const SITE_LANGUAGES: readonly SiteLanguage[] = ['da', 'en'];

const SEGMENTS = {
  da: {
    events: 'arrangementer',
    past: 'tidligere',
    poster: 'plakat',
    associations: 'foreninger',
    projects: 'projektbank',
    districts: 'bydele',
    housingAreas: 'boligomraader',
    occasions: 'anledninger',
    internationalDay: 'international-dag',
    subscribe: 'abonner',
    privacy: 'privatliv',
    accessibility: 'tilgaengelighed',
  },
  en: {
    events: 'events',
    past: 'past',
    poster: 'poster',
    associations: 'associations',
    projects: 'projects',
    districts: 'districts',
    housingAreas: 'housing-areas',
    occasions: 'occasions',
    internationalDay: 'international-day',
    subscribe: 'subscribe',
    privacy: 'privacy',
    accessibility: 'accessibility',
  },
} as const satisfies Record<SiteLanguage, Record<string, string>>;

export type SiteSection = keyof (typeof SEGMENTS)['da'];

const prefix = (lang: SiteLanguage): string => (lang === 'en' ? '/en' : '');
const seg = (lang: SiteLanguage, section: SiteSection): string => `${prefix(lang)}/${SEGMENTS[lang][section]}`;
const slugged = (base: string, slug: string): string => `${base}/${encodeURIComponent(slug)}`;

/** Root-relative paths of every public page, per language. */
export const sitePaths = {
  home: (lang: SiteLanguage): string => (lang === 'en' ? '/en' : '/'),
  events: (lang: SiteLanguage): string => seg(lang, 'events'),
  pastEvents: (lang: SiteLanguage): string => `${seg(lang, 'events')}/${SEGMENTS[lang].past}`,
  event: (lang: SiteLanguage, slug: string): string => slugged(seg(lang, 'events'), slug),
  poster: (lang: SiteLanguage, slug: string): string => `${slugged(seg(lang, 'events'), slug)}/${SEGMENTS[lang].poster}`,
  eventsRss: (lang: SiteLanguage): string => `${seg(lang, 'events')}.rss`,
  embedEvents: (lang: SiteLanguage): string => `${prefix(lang)}/embed/${SEGMENTS[lang].events}`,
  associations: (lang: SiteLanguage): string => seg(lang, 'associations'),
  association: (lang: SiteLanguage, slug: string): string => slugged(seg(lang, 'associations'), slug),
  projects: (lang: SiteLanguage): string => seg(lang, 'projects'),
  project: (lang: SiteLanguage, slug: string): string => slugged(seg(lang, 'projects'), slug),
  district: (lang: SiteLanguage, slug: string): string => slugged(seg(lang, 'districts'), slug),
  housingArea: (lang: SiteLanguage, slug: string): string => slugged(seg(lang, 'housingAreas'), slug),
  occasion: (lang: SiteLanguage, slug: string): string => slugged(seg(lang, 'occasions'), slug),
  internationalDay: (lang: SiteLanguage, year?: number): string =>
    year === undefined ? seg(lang, 'internationalDay') : `${seg(lang, 'internationalDay')}/${year}`,
  atlas: (lang: SiteLanguage): string => `${prefix(lang)}/atlas`,
  /** The atlas's actors as GeoJSON: data, the same in both languages. */
  atlasGeoJson: (): string => '/atlas.geojson',
  /** The portal's pages have one path for both languages: the portal speaks its user's language. */
  portal: (): string => '/portal',
  /** Before logging in there is no user to ask: `?lang=en` asks for English (Danish is the default). */
  portalLogin: (lang: SiteLanguage): string => (lang === 'en' ? '/portal/login?lang=en' : '/portal/login'),
  portalEvent: (id: string): string => `/portal/events/${encodeURIComponent(id)}`,
  /** TFI's queue of associations waiting for approval. */
  portalAdminAssociations: (): string => '/portal/admin/associations',
  subscribe: (lang: SiteLanguage): string => seg(lang, 'subscribe'),
  privacy: (lang: SiteLanguage): string => seg(lang, 'privacy'),
  accessibility: (lang: SiteLanguage): string => seg(lang, 'accessibility'),
  /** Portal pages: one path for both languages (the portal speaks the person's language). */
  portalAssociation: (id: string): string => `/portal/associations/${encodeURIComponent(id)}`,
  portalAssociationMembers: (id: string): string => `/portal/associations/${encodeURIComponent(id)}/members`,
  portalAssociationInternationalDay: (id: string): string => `/portal/associations/${encodeURIComponent(id)}/international-day`,
  portalAdminInternationalDay: (year?: number): string =>
    year === undefined ? '/portal/admin/international-day' : `/portal/admin/international-day?year=${year}`,
};

/** Both languages' paths of one page, as Nest route patterns without the leading slash. */
export function routesOf(build: (lang: SiteLanguage) => string): string[] {
  return SITE_LANGUAGES.map((lang) => build(lang).replace(/^\//, ''));
}

/** The language of a site path: English under /en, Danish elsewhere. */
export function siteLanguageOf(path: string): SiteLanguage {
  return path === '/en' || path.startsWith('/en/') ? 'en' : 'da';
}
