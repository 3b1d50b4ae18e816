import { EventKind } from '@mangfold/calendar';
import type { Language } from '@mangfold/common';
import type { FeedScope } from './feed-keys';

/** Words the feeds print, per language. */

const CALENDAR_NAME: Readonly<Record<Language, string>> = {
  da: 'Københavns Mangfoldighedskalender',
  en: 'Copenhagen Diversity Calendar',
};

const KIND_SINGULAR: Readonly<Record<EventKind, Record<Language, string>>> = {
  [EventKind.CULTURAL_EVENT]: { da: 'Kulturarrangement', en: 'Cultural event' },
  [EventKind.INTERNATIONAL_DAY]: { da: 'International Dag', en: 'International Day' },
  [EventKind.SEMINAR]: { da: 'Seminar', en: 'Seminar' },
  [EventKind.NETWORK_MEETING]: { da: 'Netværksmøde', en: 'Network meeting' },
};

const KIND_PLURAL: Readonly<Record<EventKind, Record<Language, string>>> = {
  [EventKind.CULTURAL_EVENT]: { da: 'Kulturarrangementer', en: 'Cultural events' },
  [EventKind.INTERNATIONAL_DAY]: { da: 'Internationale dage', en: 'International days' },
  [EventKind.SEMINAR]: { da: 'Seminarer', en: 'Seminars' },
  [EventKind.NETWORK_MEETING]: { da: 'Netværksmøder', en: 'Network meetings' },
};

const SCOPE_DESCRIPTION: Readonly<Record<FeedScope, Record<Language, (subject: string) => string>>> = {
  all: {
    da: () => 'Alle offentliggjorte arrangementer i Københavns Mangfoldighedskalender.',
    en: () => "All published events in Copenhagen's diversity calendar.",
  },
  district: {
    da: (s) => `Arrangementer i bydelen ${s}.`,
    en: (s) => `Events in the district of ${s}.`,
  },
  association: {
    da: (s) => `Arrangementer som ${s} arrangerer eller medarrangerer.`,
    en: (s) => `Events organised or co-organised by ${s}.`,
  },
  occasion: {
    da: (s) => `Arrangementer der markerer ${s}.`,
    en: (s) => `Events marking ${s}.`,
  },
  kind: {
    da: (s) => `${s} i Københavns Mangfoldighedskalender.`,
    en: (s) => `${s} in Copenhagen's diversity calendar.`,
  },
  event: {
    da: (s) => `${s}: holdes opdateret, også hvis det flyttes eller aflyses.`,
    en: (s) => `${s}: kept up to date, also if it moves or is cancelled.`,
  },
};

export function kindLabel(kind: EventKind, lang: Language): string {
  return KIND_SINGULAR[kind][lang];
}

export function kindPluralLabel(kind: EventKind, lang: Language): string {
  return KIND_PLURAL[kind][lang];
}

/** X-WR-CALNAME: says which feed this is, so a subscriber with several can tell them apart. */
export function calendarName(scope: FeedScope, subject: string, lang: Language): string {
  if (scope === 'all') return CALENDAR_NAME[lang];
  if (scope === 'event') return `${subject} – ${CALENDAR_NAME[lang]}`;
  return `${CALENDAR_NAME[lang]}: ${subject}`;
}

export function calendarDescription(scope: FeedScope, subject: string, lang: Language): string {
  return SCOPE_DESCRIPTION[scope][lang](subject);
}

export const CANCELLED_PREFIX: Readonly<Record<Language, string>> = { da: 'AFLYST: ', en: 'CANCELLED: ' };

export const CO_ORGANISERS: Readonly<Record<Language, string>> = { da: 'Medarrangører', en: 'Co-organisers' };
