import { type SiteLanguage, sitePaths } from '@mangfold/config';
import { type EventRecord, EventStatus } from '@mangfold/calendar';
import { localize } from '@mangfold/db';
import { htmlToText } from '@mangfold/feeds';
import { cachedFormat, validZone } from './format';

/** An instant with the offset of its zone at that moment: 2026-06-05T17:00:00+02:00 (schema.org wants the offset). */
export function isoWithOffset(at: Date, zone: string): string {
  const parts = cachedFormat('en-US', {
    timeZone: validZone(zone),
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  const local = `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}`;
  const offsetMinutes = Math.round((Date.parse(`${local}Z`) - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * schema.org Event of an event page. Serialised for a <script type="application/ld+json"> element:
 * `<`, `>` and `&` are written as \u escapes, so no text an association enters can close the element.
 */
export function eventJsonLd(
  event: Pick<
    EventRecord,
    'slug' | 'title' | 'description' | 'location' | 'allDay' | 'timeZone' | 'status' | 'isFree' | 'capacity' | 'seatsTaken'
  >,
  occurrence: { startsAt: Date; endsAt: Date },
  organisers: { name: string; slug: string }[],
  lang: SiteLanguage,
  baseUrl: string,
): string {
  const loc = event.location;
  const description = htmlToText(localize(event.description, lang) ?? '').trim();
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: localize(event.title, lang) ?? event.slug,
    url: `${baseUrl}${sitePaths.event(lang, event.slug)}`,
    inLanguage: lang,
    startDate: event.allDay
      ? isoWithOffset(occurrence.startsAt, event.timeZone).slice(0, 10)
      : isoWithOffset(occurrence.startsAt, event.timeZone),
    endDate: event.allDay
      ? isoWithOffset(new Date(occurrence.endsAt.getTime() - 1), event.timeZone).slice(0, 10)
      : isoWithOffset(occurrence.endsAt, event.timeZone),
    eventStatus: event.status === EventStatus.CANCELLED ? 'https://schema.org/EventCancelled' : 'https://schema.org/EventScheduled',
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    location: {
      '@type': 'Place',
      name: loc.name ?? loc.address ?? undefined,
      address: {
        '@type': 'PostalAddress',
        streetAddress: loc.address ?? undefined,
        postalCode: loc.postalCode ?? undefined,
        addressLocality: loc.city ?? undefined,
        addressCountry: 'DK',
      },
      geo:
        loc.latitude !== null && loc.longitude !== null
          ? { '@type': 'GeoCoordinates', latitude: loc.latitude, longitude: loc.longitude }
          : undefined,
    },
    organizer: organisers.map((o) => ({ '@type': 'Organization', name: o.name, url: `${baseUrl}${sitePaths.association(lang, o.slug)}` })),
  };
  if (description) data.description = description;
  if (event.isFree) {
    data.isAccessibleForFree = true;
    data.offers = {
      '@type': 'Offer',
      price: 0,
      priceCurrency: 'DKK',
      url: data.url,
      availability:
        event.capacity !== null && event.seatsTaken >= event.capacity ? 'https://schema.org/SoldOut' : 'https://schema.org/InStock',
    };
  }
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
