import { DateTime } from 'luxon';
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
