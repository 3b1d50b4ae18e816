import type { SiteLanguage } from '@mangfold/config';

/** Text of the frame every page shares (header, navigation, footer), per language. */
export const SITE_TEXT = {
  da: {
    siteName: 'Mangfoldighedskalenderen',
    tagline: 'Københavns kalender over arrangementer, der markerer kulturelle anledninger',
    skip: 'Gå til indholdet',
    nav: 'Hovedmenu',
    events: 'Arrangementer',
    associations: 'Foreninger',
    projects: 'Projektbank',
    atlas: 'Atlas',
    internationalDay: 'International Dag',
    subscribe: 'Abonnér',
    otherLanguage: 'English',
    footer: 'Drives af Københavns Kommunes TaskForce Integration (TFI).',
    privacy: 'Privatlivspolitik',
    accessibility: 'Tilgængelighedserklæring',
  },
  en: {
    siteName: 'Diversity Calendar',
    tagline: "Copenhagen's calendar of events marking cultural occasions",
    skip: 'Skip to content',
    nav: 'Main menu',
    events: 'Events',
    associations: 'Associations',
    projects: 'Project bank',
    atlas: 'Atlas',
    internationalDay: 'International Day',
    subscribe: 'Subscribe',
    otherLanguage: 'Dansk',
    footer: "Run by the City of Copenhagen's TaskForce Integration (TFI).",
    privacy: 'Privacy',
    accessibility: 'Accessibility statement',
  },
} as const satisfies Record<SiteLanguage, Record<string, string>>;
