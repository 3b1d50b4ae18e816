import { DateTime } from 'luxon';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import type { Language } from '@mangfold/common';
import type { AppConfig } from '@mangfold/config';
import { localize } from '@mangfold/db';
import type { Event, EventLocation } from '@mangfold/calendar';
import { eventUrl } from './links';
import type { EventView } from './templates/texts';

const HOME_ZONE = 'Europe/Copenhagen';

function zoneOf(event: Pick<Event, 'timeZone'>): string {
  return DateTime.now().setZone(event.timeZone).isValid ? event.timeZone : HOME_ZONE;
}

/** "tirsdag 9. december 2025 kl. 17.00–19.00" / "Tuesday 9 December 2025, 17:00–19:00", in the event's own zone. */
export function formatWhen(event: Pick<Event, 'startsAt' | 'endsAt' | 'allDay' | 'timeZone'>, locale: Language): string {
  const zone = zoneOf(event);
  const start = DateTime.fromJSDate(event.startsAt, { zone }).setLocale(locale);
  const end = DateTime.fromJSDate(event.endsAt, { zone }).setLocale(locale);
  const day = locale === 'da' ? 'cccc d. LLLL yyyy' : 'cccc d LLLL yyyy';
  const time = locale === 'da' ? 'HH.mm' : 'HH:mm';
  const at = locale === 'da' ? " 'kl.' " : "', '";
  if (event.allDay) {
    const last = end.minus({ days: 1 });
    return last.hasSame(start, 'day') ? start.toFormat(day) : `${start.toFormat(day)} – ${last.toFormat(day)}`;
  }
  const text = start.hasSame(end, 'day')
    ? `${start.toFormat(`${day}${at}${time}`)}–${end.toFormat(time)}`
    : `${start.toFormat(`${day}${at}${time}`)} – ${end.toFormat(`${day}${at}${time}`)}`;
  return zone === HOME_ZONE ? text : `${text} (${zone})`;
}

export function formatWhere(location: EventLocation | null | undefined): string | null {
  if (!location) return null;
  const place = [location.postalCode, location.city].filter(Boolean).join(' ');
  const parts = [location.name, location.address, place].filter((p): p is string => !!p && p.trim() !== '');
  return parts.length ? parts.join(', ') : null;
}

export function eventView(config: AppConfig, event: Event, locale: Language): EventView {
  return {
    title: localize(event.title, locale) ?? event.slug,
    when: formatWhen(event, locale),
    where: formatWhere(event.location),
    url: eventUrl(config, event, locale),
  };
}

/** The event's UID, the same as in the public feeds, so a calendar app merges the two. */
export function eventUid(config: AppConfig, eventId: string): string {
  return `${eventId}@${new URL(config.http.publicBaseUrl).host}`;
}

/**
 * A one-event calendar (METHOD:PUBLISH) to attach to a confirmation or a change notice. It has no
 * ORGANIZER or ATTENDEE, so calendar apps import it instead of offering to send replies; timed
 * events carry TZID and the matching VTIMEZONE, so no app has to guess the zone.
 */
export function eventCalendar(config: AppConfig, event: Event, locale: Language, calendarName: string): string {
  const zone = zoneOf(event);
  const calendar = ical({
    prodId: { company: 'Koebenhavns Kommune', product: 'Mangfoldighedskalenderen', language: locale.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    name: calendarName,
    timezone: event.allDay ? null : { name: zone, generator: getVtimezoneComponent },
  });
  const description = localize(event.description, locale);
  const where = formatWhere(event.location);
  const url = eventUrl(config, event, locale);
  calendar.createEvent({
    id: eventUid(config, event.id),
    sequence: event.sequence,
    stamp: new Date(),
    lastModified: event.updatedAt,
    // Zoned luxon times: given plain Dates, ical-generator would write UTC digits under the TZID.
    start: DateTime.fromJSDate(event.startsAt, { zone }),
    end: DateTime.fromJSDate(event.endsAt, { zone }),
    allDay: event.allDay,
    timezone: event.allDay ? null : zone,
    summary: localize(event.title, locale) ?? event.slug,
    description: description ? `${description}\n\n${url}` : url,
    location: where,
    url,
    status: event.cancelledAt ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    repeating: event.recurrence ? `RRULE:${event.recurrence}` : null,
  });
  const text = calendar.toString();
  // RFC 5545: every line ends with CRLF, the last one too.
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
