import type { SiteLanguage } from '@mangfold/config';

const LOCALE: Record<SiteLanguage, string> = { da: 'da-DK', en: 'en-GB' };
const HOME_ZONE = 'Europe/Copenhagen';

// Building an Intl formatter costs far more than using one (a millisecond or so with a time zone),
// and a listing formats dozens of dates: each is built once per process.
const formatters = new Map<string, Intl.DateTimeFormat>();

export function cachedFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}\n${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

function formatter(lang: SiteLanguage, zone: string, withTime: boolean): Intl.DateTimeFormat {
  return cachedFormat(LOCALE[lang], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
    timeZone: zone,
  });
}

const timeOnly = (lang: SiteLanguage, zone: string) => cachedFormat(LOCALE[lang], { hour: '2-digit', minute: '2-digit', timeZone: zone });

const validZones = new Map<string, string>();

/** The zone itself when Intl knows it, else Copenhagen's. */
export function validZone(zone: string): string {
  let valid = validZones.get(zone);
  if (valid === undefined) {
    try {
      cachedFormat('en', { timeZone: zone });
      valid = zone;
    } catch {
      valid = HOME_ZONE;
    }
    if (validZones.size < 1000) validZones.set(zone, valid);
  }
  return valid;
}

const localDay = (at: Date, zone: string) => cachedFormat('en-CA', { timeZone: zone, dateStyle: 'short' }).format(at);

/** A moment as people write it, in the event's zone: "fredag den 5. juni 2026 kl. 17.00". */
export function formatMoment(at: Date, zone: string, lang: SiteLanguage): string {
  return formatter(lang, validZone(zone), true).format(at);
}

/**
 * When an occurrence happens, in the event's zone: "fredag den 5. juni 2026 kl. 17.00–19.00", all-day
 * events as dates only (their end is the day after the last, as in iCalendar). A zone other than
 * Copenhagen's is named.
 */
export function formatWhen(o: { startsAt: Date; endsAt: Date }, allDay: boolean, timeZone: string, lang: SiteLanguage): string {
  const zone = validZone(timeZone);
  let text: string;
  if (allDay) {
    const last = new Date(o.endsAt.getTime() - 1);
    const day = formatter(lang, zone, false);
    text = localDay(o.startsAt, zone) === localDay(last, zone) ? day.format(o.startsAt) : `${day.format(o.startsAt)} – ${day.format(last)}`;
  } else if (localDay(o.startsAt, zone) === localDay(o.endsAt, zone)) {
    text = `${formatMoment(o.startsAt, zone, lang)}–${timeOnly(lang, zone).format(o.endsAt)}`;
  } else {
    text = `${formatMoment(o.startsAt, zone, lang)} – ${formatMoment(o.endsAt, zone, lang)}`;
  }
  return zone === HOME_ZONE ? text : `${text} (${zone})`;
}

const DAY_NAMES: Record<SiteLanguage, Record<string, string>> = {
  da: { MO: 'mandag', TU: 'tirsdag', WE: 'onsdag', TH: 'torsdag', FR: 'fredag', SA: 'lørdag', SU: 'søndag' },
  en: { MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday' },
};

const ORDINAL: Record<SiteLanguage, Record<string, string>> = {
  da: { '1': 'første', '2': 'anden', '3': 'tredje', '4': 'fjerde', '-1': 'sidste' },
  en: { '1': 'first', '2': 'second', '3': 'third', '4': 'fourth', '-1': 'last' },
};

/**
 * An RRULE in words: "Hver uge om tirsdagen, 10 gange" / "Every week on Tuesday, 10 times". Parts it
 * does not know are left out rather than guessed; the next dates are listed beside it anyway.
 */
export function describeRecurrence(rule: string, timeZone: string, lang: SiteLanguage): string {
  const parts = new Map(
    rule
      .split(';')
      .map((p) => p.split('=') as [string, string | undefined])
      .map(([k, v]) => [k.toUpperCase(), (v ?? '').toUpperCase()]),
  );
  const interval = Number(parts.get('INTERVAL') ?? '1') || 1;
  const freq = parts.get('FREQ');
  const unit =
    lang === 'da'
      ? ({ DAILY: ['dag', 'dag'], WEEKLY: ['uge', 'uge'], MONTHLY: ['måned', 'måned'], YEARLY: ['år', 'år'] } as Record<
          string,
          [string, string]
        >)
      : ({ DAILY: ['day', 'days'], WEEKLY: ['week', 'weeks'], MONTHLY: ['month', 'months'], YEARLY: ['year', 'years'] } as Record<
          string,
          [string, string]
        >);
  const [one, many] = unit[freq ?? ''] ?? (lang === 'da' ? ['gang', 'gang'] : ['time', 'times']);
  let text =
    lang === 'da'
      ? interval === 1
        ? `Hver ${one}`
        : `Hver ${interval}. ${many}`
      : interval === 1
        ? `Every ${one}`
        : `Every ${interval} ${many}`;
  const byDay = parts.get('BYDAY');
  if (byDay) {
    const days = byDay.split(',').map((d) => {
      const m = /^([+-]?\d)?(MO|TU|WE|TH|FR|SA|SU)$/.exec(d);
      if (!m) return null;
      const name = DAY_NAMES[lang][m[2]];
      const nth = m[1] ? ORDINAL[lang][m[1].replace('+', '')] : undefined;
      return nth ? (lang === 'da' ? `${nth} ${name}` : `the ${nth} ${name}`) : name;
    });
    if (days.every((d) => d !== null)) text += lang === 'da' ? ` (${days.join(', ')})` : ` on ${days.join(', ')}`;
  }
  const count = Number(parts.get('COUNT'));
  const until = parts.get('UNTIL');
  if (count > 0) text += lang === 'da' ? `, ${count} gange i alt` : `, ${count} times in all`;
  else if (until && /^\d{8}/.test(until)) {
    const date = new Date(Date.UTC(Number(until.slice(0, 4)), Number(until.slice(4, 6)) - 1, Number(until.slice(6, 8)), 12));
    text += `${lang === 'da' ? ' til og med ' : ' until '}${formatter(lang, 'UTC', false).format(date)}`;
  }
  return text;
}

/** "Aktivitetshuset, Nørrebrogade 1, 2200 København N". */
export function formatPlace(location: {
  name: string | null;
  address: string | null;
  postalCode: string | null;
  city: string | null;
}): string | null {
  const town = [location.postalCode, location.city].filter(Boolean).join(' ');
  const parts = [location.name, location.address, town].filter((p): p is string => !!p && p.trim() !== '');
  return parts.length ? parts.join(', ') : null;
}

/** A language's name in the page's language ("arabisk" / "Arabic"), the code itself when unknown. */
const languageNames = new Map<SiteLanguage, Intl.DisplayNames>();

/** A language's name in the page's language ("arabisk" / "Arabic"), the code itself when unknown. */
export function languageName(code: string, lang: SiteLanguage): string {
  let names = languageNames.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([LOCALE[lang]], { type: 'language' });
    languageNames.set(lang, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** yyyy-mm-dd of a date picker, as the start of that local day in Copenhagen; null when not a date. */
export function parseLocalDate(value: string, zone = HOME_ZONE): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const guess = new Date(Date.UTC(y, mo - 1, d));
  if (guess.getUTCMonth() !== mo - 1 || guess.getUTCDate() !== d) return null;
  // The zone's offset at that day: format the UTC midnight in the zone and correct by the difference.
  const parts = cachedFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(guess);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const asLocal = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return new Date(guess.getTime() - (asLocal - guess.getTime()));
}
