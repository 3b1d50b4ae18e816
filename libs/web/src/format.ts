import type { SiteLanguage } from '@mangfold/config';
import { cachedFormat } from './events/format';

const LOCALE: Record<SiteLanguage, string> = { da: 'da-DK', en: 'en-GB' };

export interface When {
  startsAt: Date;
  endsAt: Date;
  allDay: boolean;
  timeZone: string;
}

const dateFormat = (lang: SiteLanguage, timeZone: string) =>
  cachedFormat(LOCALE[lang], { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone });
const timeFormat = (lang: SiteLanguage, timeZone: string) => cachedFormat(LOCALE[lang], { hour: '2-digit', minute: '2-digit', timeZone });

/**
 * When an event happens, in its own zone, as people write it: "fredag den 5. juni 2026 kl. 17.00–19.00",
 * "Friday, 5 June 2026, 17:00–19:00"; all-day events by their dates only.
 */
export function whenText(lang: SiteLanguage, when: When): string {
  const date = dateFormat(lang, when.timeZone);
  const time = timeFormat(lang, when.timeZone);
  const at = lang === 'da' ? ' kl. ' : ', ';
  if (when.allDay) {
    // An all-day event ends at midnight after its last day.
    const lastDay = new Date(when.endsAt.getTime() - 1);
    const first = date.format(when.startsAt);
    const last = date.format(lastDay);
    return first === last ? first : `${first} – ${last}`;
  }
  const startDay = date.format(when.startsAt);
  const endDay = date.format(when.endsAt);
  if (startDay === endDay) return `${startDay}${at}${time.format(when.startsAt)}–${time.format(when.endsAt)}`;
  return `${startDay}${at}${time.format(when.startsAt)} – ${endDay}${at}${time.format(when.endsAt)}`;
}

/** A local calendar date ("2026-03-20") as people write it: "fredag den 20. marts 2026". */
export function dateText(lang: SiteLanguage, isoDate: string): string {
  return cachedFormat(LOCALE[lang], { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

/** The dates an occasion spans, inclusive, as short as is clear: "5.–12. december 2026", "24 December 2026". */
export function dateSpanText(lang: SiteLanguage, startsOn: string, endsOn: string): string {
  const format = cachedFormat(LOCALE[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const start = new Date(`${startsOn}T00:00:00Z`);
  return startsOn === endsOn ? format.format(start) : format.formatRange(start, new Date(`${endsOn}T00:00:00Z`));
}

/** Only http(s) URLs become links; anything else an association typed is shown as text. */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}
