import type { SiteLanguage } from '@mangfold/config';

const LOCALE: Record<SiteLanguage, string> = { da: 'da-DK', en: 'en-GB' };

/** "fredag den 5. juni 2026 kl. 17.00" / "Friday 5 June 2026 at 17:00", in the event's own zone. */
export function formatWhen(lang: SiteLanguage, at: Date, timeZone: string, allDay = false): string {
  return new Intl.DateTimeFormat(
    LOCALE[lang],
    allDay ? { dateStyle: 'full', timeZone } : { dateStyle: 'full', timeStyle: 'short', timeZone },
  ).format(at);
}
