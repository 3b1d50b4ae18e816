import { ICalCalendar, ICalEvent, ICalEventStatus, type ICalEventData, type ICalLocation } from 'ical-generator';
import { DateTime, IANAZone } from 'luxon';
import { type EventKind } from '@mangfold/calendar';
import type { Language } from '@mangfold/common';
import { localize, type LocalizedText } from '@mangfold/db';
import { ALL_FEED, associationPageUrl, eventPageUrl, kindSlug, type FeedRef } from './feed-keys';
import { cleanLine, cleanText, foldLines, htmlToText, quotedParam } from './ical-text';
import { CANCELLED_PREFIX, CO_ORGANISERS, kindLabel } from './labels';
import { hasVtimezone } from './vtimezones';

/**
 * Bump when the text a fragment holds changes for the same event data (a new property, a fix):
 * the worker re-renders every kept fragment of an older version when it starts.
 */
export const RENDERER_VERSION = 2;

/** What a feed shows of one event: plain data, independent of the ORM, so anything can render it. */
export interface FeedEventData {
  id: string;
  slug: string;
  kind: EventKind;
  /** Cancelled after being published: shown with STATUS:CANCELLED for 30 days. */
  cancelled: boolean;
  title: LocalizedText;
  description: LocalizedText;
  startsAt: Date;
  endsAt: Date;
  allDay: boolean;
  timeZone: string;
  /** RRULE value without the "RRULE:" prefix. */
  recurrence: string | null;
  /** Start instants (ISO) of occurrences that do not take place. */
  recurrenceExceptions: string[];
  location: {
    name: string | null;
    address: string | null;
    postalCode: string | null;
    city: string | null;
    latitude: number | null;
    longitude: number | null;
  };
  district: { slug: string; name: LocalizedText } | null;
  occasion: { slug: string; name: LocalizedText } | null;
  /** Accepted organisers, the primary one first. */
  organisers: { slug: string; name: string }[];
  /** The work plan's themes, in list order (CATEGORIES). */
  themes: { slug: string; name: LocalizedText }[];
  sequence: number;
}

export interface FragmentContext {
  /** PUBLIC_BASE_URL without a trailing slash. */
  baseUrl: string;
  /** When a subscriber-visible part of the event last changed: LAST-MODIFIED, and DTSTAMP in a feed. */
  modifiedAt: Date;
  /**
   * DTSTAMP of a calendar with METHOD (a mail's attachment): when that object was made (RFC 5545
   * 3.8.7.2). A feed has no METHOD, so its DTSTAMP stays `modifiedAt` and the fragment reusable.
   */
  stampedAt?: Date;
}

/** The feeds an event appears in. */
export function feedRefsOf(event: FeedEventData): FeedRef[] {
  const refs: FeedRef[] = [ALL_FEED, { scope: 'kind', slug: kindSlug(event.kind) }, { scope: 'event', slug: event.slug }];
  if (event.district) refs.push({ scope: 'district', slug: event.district.slug });
  if (event.occasion) refs.push({ scope: 'occasion', slug: event.occasion.slug });
  for (const o of event.organisers) refs.push({ scope: 'association', slug: o.slug });
  return refs;
}

/** The UID of an event in every feed, for the life of the event: `<event id>@<host of PUBLIC_BASE_URL>`. */
export function eventUid(eventId: string, baseUrl: string): string {
  return `${eventId}@${new URL(baseUrl).host}`;
}

/** The zone whose VTIMEZONE a timed event's fragment needs; null for all-day events and UTC. */
export function fragmentZone(event: FeedEventData): string | null {
  if (event.allDay) return null;
  const zone = validZone(event.timeZone);
  return hasVtimezone(zone) ? zone : null;
}

// An ical-generator calendar without a time zone, so DTSTAMP and LAST-MODIFIED come out in UTC.
const scratchCalendar = new ICalCalendar();
const RRULE_VALUE = /^(?=.*FREQ=)[A-Z]+=[A-Z0-9+,:=-]+(;[A-Z]+=[A-Z0-9+,:=-]+)*$/i;

/**
 * The VEVENT of one event in one language, folded, CRLF-terminated: rendered once when the event
 * changes and kept, so a feed is its header, VTIMEZONEs and these fragments joined.
 */
export function renderEventFragment(event: FeedEventData, lang: Language, context: FragmentContext): string {
  const { data, organiserLine } = toICalEvent(event, lang, context);
  let text = new ICalEvent(data, scratchCalendar).toString();
  if (organiserLine) text = text.slice(0, -'END:VEVENT\r\n'.length) + organiserLine + 'END:VEVENT\r\n';
  return foldLines(text);
}

/**
 * The ical-generator data of an event, plus the ORGANIZER line ical-generator cannot write (it
 * insists on a mailto: address; ours is the association's public page, never a person's email).
 */
export function toICalEvent(
  event: FeedEventData,
  lang: Language,
  context: FragmentContext,
): { data: ICalEventData; organiserLine: string | null } {
  const zone = validZone(event.timeZone);
  const tzid = fragmentZone(event);
  // Luxon values: ical-generator formats plain Dates in the zone of the process, not of the event.
  let start = DateTime.fromJSDate(event.startsAt, { zone });
  let end = DateTime.fromJSDate(event.endsAt, { zone });
  if (event.allDay) {
    start = start.startOf('day');
    // The exclusive end date: the day after the last day (an end inside a day still covers that day).
    const endDay = end.startOf('day');
    end = endDay.equals(end) ? endDay : endDay.plus({ days: 1 });
    if (end <= start) end = start.plus({ days: 1 });
  }
  const url = eventPageUrl(context.baseUrl, event.slug, lang);
  const title = cleanText(localize(event.title, lang) ?? '');
  const data: ICalEventData = {
    id: eventUid(event.id, context.baseUrl),
    sequence: event.sequence,
    stamp: context.stampedAt ?? context.modifiedAt,
    lastModified: context.modifiedAt,
    start,
    end,
    allDay: event.allDay,
    timezone: event.allDay ? zone : tzid,
    repeating: recurrenceLines(event, zone, tzid),
    summary: event.cancelled ? CANCELLED_PREFIX[lang] + title : title,
    description: describe(event, lang, url),
    location: locationOf(event),
    categories: categoriesOf(event, lang).map((name) => ({ name })),
    url,
    status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  };
  const primary = event.organisers[0];
  const organiserLine = primary
    ? `ORGANIZER;CN=${quotedParam(primary.name)}:${associationPageUrl(context.baseUrl, primary.slug, lang)}\r\n`
    : null;
  return { data, organiserLine };
}

function validZone(zone: string): string {
  return IANAZone.isValidZone(zone) ? zone : 'UTC';
}

function recurrenceLines(event: FeedEventData, zone: string, tzid: string | null): string | null {
  const rule = event.recurrence?.replace(/^RRULE:/i, '').trim();
  if (!rule || !RRULE_VALUE.test(rule)) return null;
  const lines = [`RRULE:${rule.toUpperCase()}`];
  const instants = event.recurrenceExceptions
    .map((iso) => DateTime.fromISO(iso, { zone: 'utc' }))
    .filter((d) => d.isValid)
    .sort((a, b) => a.toMillis() - b.toMillis());
  if (instants.length > 0) {
    if (event.allDay) lines.push(`EXDATE;VALUE=DATE:${instants.map((d) => d.setZone(zone).toFormat('yyyyLLdd')).join(',')}`);
    else if (tzid) lines.push(`EXDATE;TZID=${tzid}:${instants.map((d) => d.setZone(tzid).toFormat("yyyyLLdd'T'HHmmss")).join(',')}`);
    else lines.push(`EXDATE:${instants.map((d) => d.toFormat("yyyyLLdd'T'HHmmss'Z'")).join(',')}`);
  }
  return lines.join('\n');
}

function describe(event: FeedEventData, lang: Language, url: string): string {
  const parts: string[] = [];
  const text = cleanText(htmlToText(localize(event.description, lang) ?? '')).trim();
  if (text) parts.push(text);
  const coOrganisers = event.organisers.slice(1).map((o) => cleanLine(o.name));
  if (coOrganisers.length > 0) parts.push(`${CO_ORGANISERS[lang]}: ${coOrganisers.join(', ')}`);
  parts.push(url);
  return parts.join('\n\n');
}

function locationOf(event: FeedEventData): ICalLocation | null {
  const { name, address, postalCode, city, latitude, longitude } = event.location;
  const place = [postalCode, city]
    .map((s) => (s ? cleanLine(s) : ''))
    .filter(Boolean)
    .join(' ');
  const title = [name, address]
    .map((s) => (s ? cleanLine(s) : ''))
    .concat(place)
    .filter(Boolean)
    .join(', ');
  const geo =
    typeof latitude === 'number' && typeof longitude === 'number' && Number.isFinite(latitude) && Number.isFinite(longitude)
      ? { lat: latitude, lon: longitude }
      : undefined;
  if (title) return geo ? { title, geo } : { title };
  return geo ? { geo } : null;
}

function categoriesOf(event: FeedEventData, lang: Language): string[] {
  const names = [kindLabel(event.kind, lang)];
  const occasion = event.occasion && localize(event.occasion.name, lang);
  if (occasion) names.push(occasion);
  const district = event.district && localize(event.district.name, lang);
  if (district) names.push(district);
  for (const theme of event.themes) names.push(localize(theme.name, lang) ?? theme.slug);
  return names.map(cleanLine).filter(Boolean);
}
