import type { Language } from '@mangfold/common';
import type { Block } from './layout';

/*
 * What the texts of every audience share: the views they are written from, the labels of an
 * event's details and the greeting, per language.
 */

/** An event as a mail shows it, already in the recipient's language and the event's time zone. */
export interface EventView {
  title: string;
  when: string;
  where: string | null;
  url: string;
}

export interface RegistrationView {
  name: string | null;
  event: EventView;
  partySize: number;
  manageUrl: string;
}

export interface AssociationView {
  recipientName: string | null;
  association: string;
  loginUrl: string;
}

export interface OrganiserEventView {
  recipientName: string | null;
  association: string;
  event: EventView;
  actionUrl: string;
}

export interface ParticipationView {
  recipientName: string | null;
  organisation: string;
  year: number;
  event: EventView;
  activities: string;
  practicalInfo: string | null;
}

export interface Labels {
  what: string;
  when: string;
  where: string;
  seats: string;
  reason: string;
  activities: string;
  kind: string;
}

export const LABELS: Record<Language, Labels> = {
  da: {
    what: 'Arrangement',
    when: 'Tidspunkt',
    where: 'Sted',
    seats: 'Pladser',
    reason: 'Begrundelse',
    activities: 'Aktiviteter',
    kind: 'Type',
  },
  en: { what: 'Event', when: 'When', where: 'Where', seats: 'Seats', reason: 'Reason', activities: 'Activities', kind: 'Kind' },
};

export const HELLO: Record<Language, (name: string | null) => string> = {
  da: (name) => (name ? `Kære ${name}` : 'Hej'),
  en: (name) => (name ? `Dear ${name}` : 'Hello'),
};

export function eventDetails(
  labels: { what: string; when: string; where: string },
  event: EventView,
  extra: [string, string][] = [],
): Block {
  const rows: [string, string][] = [
    [labels.what, event.title],
    [labels.when, event.when],
  ];
  if (event.where) rows.push([labels.where, event.where]);
  return { details: [...rows, ...extra] };
}

/** "in 7 days", "tomorrow", "in 2 hours": how far ahead a reminder is, from its offset. */
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

export function relativeOffset(locale: string, offsetMinutes: number): string {
  let format = relativeFormats.get(locale);
  if (!format) relativeFormats.set(locale, (format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })));
  if (offsetMinutes >= 1440 && offsetMinutes % 1440 === 0) return format.format(offsetMinutes / 1440, 'day');
  if (offsetMinutes >= 60 && offsetMinutes % 60 === 0) return format.format(offsetMinutes / 60, 'hour');
  return format.format(offsetMinutes, 'minute');
}

/** Plain text as paragraphs: a blank line starts a new one. */
export function paragraphsOf(text: string): Block[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((paragraph) => ({ paragraph }));
}
