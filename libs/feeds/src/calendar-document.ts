import { escape } from 'ical-generator';
import type { Language } from '@mangfold/common';
import { cleanLine, foldLines } from './ical-text';
import { vtimezone } from './vtimezones';

export interface CalendarDocument {
  /** X-WR-CALNAME and NAME: which feed this is, in its language. */
  name: string;
  description?: string;
  /** Where the calendar is refreshed from (RFC 7986 SOURCE). */
  sourceUrl?: string;
  lang: Language;
  /** X-WR-TIMEZONE: the zone calendar apps show floating and all-day events in. */
  defaultZone: string;
  /** Zones the fragments' DTSTART/DTEND/EXDATE refer to by TZID. */
  zones: Iterable<string>;
  /** The VEVENT fragments, joined. */
  body: string;
  /**
   * PUBLISH for a calendar sent once, as a mail's attachment (RFC 5546): calendar apps import it
   * and, with no ATTENDEE, offer no reply. It is not refreshed, so it names no refresh interval.
   */
  method?: 'PUBLISH';
}

/** How often subscribers should refresh. */
const REFRESH_INTERVAL = 'PT1H';

/**
 * A VCALENDAR from kept VEVENT fragments: header, one VTIMEZONE per zone used, the fragments.
 * Linear in the bytes of the fragments. No METHOD: a subscribed feed is not an iTIP message, and
 * without METHOD, DTSTAMP may stay the time the event last changed, so fragments stay reusable.
 */
export function renderCalendar(doc: CalendarDocument): string {
  const text = (value: string) => escape(cleanLine(value), false);
  const header = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//Mangfold//Mangfoldighedskalender//${doc.lang.toUpperCase()}`,
    'CALSCALE:GREGORIAN',
    ...(doc.method ? [`METHOD:${doc.method}`] : []),
    `NAME:${text(doc.name)}`,
    `X-WR-CALNAME:${text(doc.name)}`,
    ...(doc.description ? [`DESCRIPTION:${text(doc.description)}`, `X-WR-CALDESC:${text(doc.description)}`] : []),
    ...(doc.sourceUrl ? [`SOURCE;VALUE=URI:${doc.sourceUrl}`] : []),
    `X-WR-TIMEZONE:${doc.defaultZone}`,
    ...(doc.method ? [] : [`REFRESH-INTERVAL;VALUE=DURATION:${REFRESH_INTERVAL}`, `X-PUBLISHED-TTL:${REFRESH_INTERVAL}`]),
    '',
  ].join('\r\n');
  let zones = '';
  for (const zone of [...new Set(doc.zones)].sort()) zones += vtimezone(zone) ?? '';
  return foldLines(header) + zones + doc.body + 'END:VCALENDAR\r\n';
}
