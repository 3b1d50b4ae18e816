import { RRule, type Options } from 'rrule';
import {
  addLocalDays,
  formatLocalDateTime,
  fromFloating,
  localDaysBetween,
  resolveLocal,
  startOfLocalDay,
  toFloating,
  toLocal,
  type LocalDateTime,
} from './local-time';

/** The time facts of an event that recurrence needs (an Event entity satisfies it). */
export interface Series {
  id?: string;
  startsAt: Date;
  endsAt: Date;
  allDay: boolean;
  timeZone: string;
  /** Normalized RRULE value (see normalizeRecurrence), or null for a single event. */
  recurrence: string | null;
  /** ISO instants of the starts of occurrences that do not take place. */
  recurrenceExceptions: readonly string[];
}

export interface Occurrence {
  startsAt: Date;
  endsAt: Date;
}

/** A rule the calendar cannot accept; the message says what to change. */
export class RecurrenceError extends Error {}

const FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'] as const;
const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const ORDER = ['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYMONTH', 'BYWEEKNO', 'BYYEARDAY', 'BYMONTHDAY', 'BYDAY', 'BYSETPOS', 'WKST'];
/** A COUNT larger than this is almost certainly a mistake; an open-ended series has no COUNT at all. */
export const MAX_COUNT = 1000;
/** Finite series (COUNT or UNTIL) are expanded in full to know when they end. */
export const MAX_FINITE_OCCURRENCES = 5000;
export const MAX_UNTIL_YEARS = 20;
const FAR_FUTURE = Date.UTC(2200, 0, 1);
const DAY_MS = 86_400_000;

function intList(name: string, value: string, min: number, max: number, allowNegative: boolean): number[] {
  return value.split(',').map((item) => {
    if (!/^[+-]?\d{1,3}$/.test(item)) throw new RecurrenceError(`${name} must be a comma-separated list of whole numbers`);
    const n = Number(item);
    const abs = Math.abs(n);
    if (n === 0 || abs < min || abs > max || (n < 0 && !allowNegative)) {
      throw new RecurrenceError(
        `${name} values must be ${allowNegative ? `from ${min} to ${max} or -${max} to -${min}` : `from ${min} to ${max}`}`,
      );
    }
    return n;
  });
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const utcStamp = (d: Date) =>
  `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
const dateStamp = (l: Pick<LocalDateTime, 'year' | 'month' | 'day'>) => `${pad(l.year, 4)}${pad(l.month)}${pad(l.day)}`;

/**
 * Validates an RFC 5545 RRULE value for an event and returns it in a canonical form: upper case,
 * without the "RRULE:" prefix, and with UNTIL as RFC 5545 wants it next to the event's DTSTART
 * (a UTC date-time for timed events, a DATE for all-day events). Rules that repeat more often
 * than daily, or set the time of day themselves, are refused: the time of day comes from startsAt.
 */
export function normalizeRecurrence(rule: string, series: Pick<Series, 'startsAt' | 'allDay' | 'timeZone'>): string {
  let text = rule.trim();
  if (/^RRULE:/i.test(text)) text = text.slice(6).trim();
  if (!text) throw new RecurrenceError('is empty; leave it out for an event that happens once');
  if (/[\r\n]/.test(text)) throw new RecurrenceError('must be one RRULE value; exceptions go in recurrenceExceptions');
  if (text.length > 500) throw new RecurrenceError('must be at most 500 characters');

  const parts = parseParts(text);
  const freq = parts.get('FREQ');
  if (!freq) throw new RecurrenceError('needs FREQ, e.g. FREQ=WEEKLY');
  if (['SECONDLY', 'MINUTELY', 'HOURLY'].includes(freq)) {
    throw new RecurrenceError(`FREQ=${freq} is not supported: an event repeats at most daily`);
  }
  if (!(FREQUENCIES as readonly string[]).includes(freq)) throw new RecurrenceError('FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY');
  for (const [key, value] of parts) checkPart(parts, key, value, freq, series);
  if (parts.has('COUNT') && parts.has('UNTIL')) throw new RecurrenceError('give COUNT or UNTIL, not both');
  if (parts.has('BYSETPOS') && ![...parts.keys()].some((k) => k.startsWith('BY') && k !== 'BYSETPOS')) {
    throw new RecurrenceError('BYSETPOS needs another BY… part, e.g. BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1');
  }

  const normalized = ORDER.filter((k) => parts.has(k))
    .map((k) => `${k}=${parts.get(k)}`)
    .join(';');

  const full: Series = { ...series, endsAt: series.startsAt, recurrence: normalized, recurrenceExceptions: [] };
  const rrule = ruleOf(full);
  const floatStart = toFloating(series.startsAt, series.timeZone);
  const first = rrule.after(floatStart, true);
  if (!first) throw new RecurrenceError('never produces an occurrence');
  if (first.getTime() !== floatStart.getTime()) {
    throw new RecurrenceError(
      `the start (${formatLocalDateTime(fromFloating(floatStart))}) is not one of the dates the rule gives; ` +
        `make startsAt the first occurrence (${formatLocalDateTime(fromFloating(first))})`,
    );
  }
  if (parts.has('UNTIL')) {
    let n = 0;
    rrule.all(() => ++n <= MAX_FINITE_OCCURRENCES);
    if (n > MAX_FINITE_OCCURRENCES) {
      throw new RecurrenceError(`gives more than ${MAX_FINITE_OCCURRENCES} occurrences; choose an earlier UNTIL or leave it open-ended`);
    }
  }
  return normalized;
}

/** The NAME=VALUE parts of a rule, upper case; a part given twice or without a value is refused. */
function parseParts(text: string): Map<string, string> {
  const parts = new Map<string, string>();
  for (const part of text.split(';')) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) throw new RecurrenceError(`"${part}" is not NAME=VALUE`);
    const key = part.slice(0, eq).trim().toUpperCase();
    const value = part
      .slice(eq + 1)
      .trim()
      .toUpperCase();
    if (!value) throw new RecurrenceError(`${key} has no value`);
    if (parts.has(key)) throw new RecurrenceError(`${key} is given twice`);
    parts.set(key, value);
  }
  return parts;
}

/** Checks one part of a rule against RFC 5545 and what an event may use; UNTIL is rewritten in `parts`. */
function checkPart(
  parts: Map<string, string>,
  key: string,
  value: string,
  freq: string,
  series: Pick<Series, 'startsAt' | 'allDay' | 'timeZone'>,
): void {
  switch (key) {
    case 'FREQ':
      break;
    case 'INTERVAL':
      if (!/^\d{1,3}$/.test(value) || Number(value) < 1) throw new RecurrenceError('INTERVAL must be a whole number from 1 to 999');
      break;
    case 'COUNT':
      if (!/^\d{1,4}$/.test(value) || Number(value) < 1 || Number(value) > MAX_COUNT) {
        throw new RecurrenceError(`COUNT must be a whole number from 1 to ${MAX_COUNT}`);
      }
      break;
    case 'UNTIL':
      parts.set('UNTIL', normalizeUntil(value, series));
      break;
    case 'BYDAY':
      for (const day of value.split(',')) {
        const m = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(day);
        if (!m) throw new RecurrenceError(`BYDAY "${day}" is not a weekday such as MO or 2TU`);
        if (m[1] !== undefined) {
          const n = Math.abs(Number(m[1]));
          if (n < 1 || n > 53) throw new RecurrenceError(`BYDAY "${day}": the number must be from 1 to 53 (or -53 to -1)`);
          if (freq !== 'MONTHLY' && freq !== 'YEARLY') {
            throw new RecurrenceError(`BYDAY "${day}": a numbered weekday needs FREQ=MONTHLY or FREQ=YEARLY`);
          }
        }
      }
      break;
    case 'BYMONTHDAY':
      if (freq === 'WEEKLY') throw new RecurrenceError('BYMONTHDAY cannot be used with FREQ=WEEKLY');
      intList(key, value, 1, 31, true);
      break;
    case 'BYYEARDAY':
      if (freq !== 'YEARLY') throw new RecurrenceError('BYYEARDAY needs FREQ=YEARLY');
      intList(key, value, 1, 366, true);
      break;
    case 'BYWEEKNO':
      if (freq !== 'YEARLY') throw new RecurrenceError('BYWEEKNO needs FREQ=YEARLY');
      intList(key, value, 1, 53, true);
      break;
    case 'BYMONTH':
      intList(key, value, 1, 12, false);
      break;
    case 'BYSETPOS':
      intList(key, value, 1, 366, true);
      break;
    case 'WKST':
      if (!(WEEKDAYS as readonly string[]).includes(value))
        throw new RecurrenceError('WKST must be a weekday: MO, TU, WE, TH, FR, SA or SU');
      break;
    case 'BYHOUR':
    case 'BYMINUTE':
    case 'BYSECOND':
      throw new RecurrenceError(`${key} is not supported: the time of day comes from startsAt`);
    case 'DTSTART':
    case 'TZID':
      throw new RecurrenceError(`${key} does not belong in the rule: it comes from startsAt and timeZone`);
    default:
      throw new RecurrenceError(`${key} is not an RRULE property`);
  }
}

function normalizeUntil(value: string, series: Pick<Series, 'startsAt' | 'allDay' | 'timeZone'>): string {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/.exec(value);
  if (!m) throw new RecurrenceError('UNTIL must be a date (20271231) or a date-time (20271231T230000Z)');
  const local: LocalDateTime = {
    year: +m[1],
    month: +m[2],
    day: +m[3],
    hour: m[4] ? +m[4] : 0,
    minute: m[5] ? +m[5] : 0,
    second: m[6] ? +m[6] : 0,
  };
  const check = new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second));
  if (check.getUTCMonth() !== local.month - 1 || check.getUTCDate() !== local.day || check.getUTCHours() !== local.hour) {
    throw new RecurrenceError('UNTIL is not a real date');
  }
  const zone = series.timeZone;
  let until: Date;
  let text: string;
  if (series.allDay) {
    // An all-day series ends on a date: UNTIL is a DATE, the local date of whatever was given.
    const date = m[7] ? toLocal(check, zone) : local;
    until = startOfLocalDay(date, zone);
    text = dateStamp(date);
  } else {
    if (m[7]) until = check;
    else if (!m[4]) until = resolveLocal({ ...local, hour: 23, minute: 59, second: 59 }, zone).instant;
    else until = resolveLocal(local, zone).instant;
    text = utcStamp(until);
  }
  const startDay = series.allDay ? startOfLocalDay(toLocal(series.startsAt, zone), zone) : series.startsAt;
  if (until.getTime() < startDay.getTime()) throw new RecurrenceError('UNTIL is before the start of the event');
  if (until.getTime() > series.startsAt.getTime() + MAX_UNTIL_YEARS * 366 * DAY_MS) {
    throw new RecurrenceError(`UNTIL must be within ${MAX_UNTIL_YEARS} years of the start; leave it out for an open-ended series`);
  }
  return text;
}

const cache = new Map<string, RRule>();
const CACHE_SIZE = 2000;

/**
 * The rrule.js rule of a series, computing in "floating" time: dates whose UTC fields are the
 * wall clock in the event's zone. Expansion therefore happens in local time, so a weekly 18:00
 * event stays at 18:00 across daylight-saving changes; each result is then placed in the zone.
 */
function ruleOf(series: Series): RRule {
  const floatStart = toFloating(series.startsAt, series.timeZone);
  const key = `${series.recurrence}|${floatStart.getTime()}|${series.timeZone}|${series.allDay}`;
  let rule = cache.get(key);
  if (rule) return rule;
  const parts = series.recurrence!.split(';');
  const untilPart = parts.find((p) => p.startsWith('UNTIL='));
  const options: Partial<Options> = RRule.parseString(parts.filter((p) => p !== untilPart).join(';'));
  options.dtstart = floatStart;
  if (untilPart) {
    const v = untilPart.slice(6);
    const date = new Date(
      Date.UTC(
        +v.slice(0, 4),
        +v.slice(4, 6) - 1,
        +v.slice(6, 8),
        +(v.slice(9, 11) || 0),
        +(v.slice(11, 13) || 0),
        +(v.slice(13, 15) || 0),
      ),
    );
    options.until = v.endsWith('Z') ? toFloating(date, series.timeZone) : date;
  }
  // noCache: one rule object serves many windows; its own result cache would only grow.
  rule = new RRule(options, true);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, rule);
  return rule;
}

/** Start and end of the occurrence whose local start is `floating`. */
function occurrenceAt(series: Series, floating: Date): Occurrence {
  const local = fromFloating(floating);
  // A start inside a daylight-saving gap moves forward by the gap (RFC 5545 §3.3.5).
  const startsAt = series.allDay ? startOfLocalDay(local, series.timeZone) : resolveLocal(local, series.timeZone).instant;
  if (series.allDay) {
    const days = localDaysBetween(toLocal(series.startsAt, series.timeZone), toLocal(series.endsAt, series.timeZone));
    return { startsAt, endsAt: startOfLocalDay(addLocalDays(local, days), series.timeZone) };
  }
  return { startsAt, endsAt: new Date(startsAt.getTime() + (series.endsAt.getTime() - series.startsAt.getTime())) };
}

export interface OccurrenceWindow {
  /** Occurrences ending after this instant. */
  from?: Date | null;
  /** Occurrences starting before this instant. */
  to?: Date | null;
  /** Keyset position: only occurrences after (startsAt, id) in (start, event id) order. */
  after?: { startsAt: Date; id: string } | null;
  /** At most this many, in start order. */
  limit: number;
}

/** The occurrences of a series (a single event has one) overlapping a window, in start order. */
export function occurrencesOf(series: Series, window: OccurrenceWindow): Occurrence[] {
  const id = series.id ?? '';
  const accept = (o: Occurrence) =>
    (!window.from || o.endsAt.getTime() > window.from.getTime()) &&
    (!window.to || o.startsAt.getTime() < window.to.getTime()) &&
    (!window.after ||
      o.startsAt.getTime() > window.after.startsAt.getTime() ||
      (o.startsAt.getTime() === window.after.startsAt.getTime() && id > window.after.id));
  if (window.limit <= 0) return [];
  if (!series.recurrence) {
    const single = { startsAt: series.startsAt, endsAt: series.endsAt };
    return accept(single) ? [single] : [];
  }
  const rule = ruleOf(series);
  const zone = series.timeZone;
  const duration = series.endsAt.getTime() - series.startsAt.getTime();
  // Floating bounds a day wider than the instants: offsets differ from UTC by less than that.
  let lower = series.startsAt.getTime();
  if (window.from) lower = Math.max(lower, window.from.getTime() - duration);
  if (window.after) lower = Math.max(lower, window.after.startsAt.getTime());
  const floatLower = new Date(toFloating(new Date(lower), zone).getTime() - 2 * DAY_MS);
  const floatUpper = window.to ? new Date(toFloating(window.to, zone).getTime() + 2 * DAY_MS) : new Date(FAR_FUTURE);
  const exceptions = new Set(series.recurrenceExceptions.map((e) => Date.parse(e)));
  const result: Occurrence[] = [];
  rule.between(floatLower, floatUpper, true, (floating) => {
    const occurrence = occurrenceAt(series, floating);
    if (window.to && occurrence.startsAt.getTime() >= window.to.getTime()) return false;
    if (!exceptions.has(occurrence.startsAt.getTime()) && accept(occurrence)) result.push(occurrence);
    return result.length < window.limit;
  });
  return result;
}

/** Every occurrence of a finite series (COUNT or UNTIL), or null for an open-ended one. */
function allOccurrences(series: Series): Occurrence[] | null {
  if (!series.recurrence) return [{ startsAt: series.startsAt, endsAt: series.endsAt }];
  if (!/(^|;)(COUNT|UNTIL)=/.test(series.recurrence)) return null;
  const exceptions = new Set(series.recurrenceExceptions.map((e) => Date.parse(e)));
  return ruleOf(series)
    .all((_, i) => i < MAX_FINITE_OCCURRENCES)
    .map((floating) => occurrenceAt(series, floating))
    .filter((o) => !exceptions.has(o.startsAt.getTime()));
}

/** When the last occurrence ends; null for an open-ended series (what `Event.lastEndsAt` stores). */
export function lastEndOf(series: Series): Date | null {
  const all = allOccurrences(series);
  if (!all) return null;
  return all.length ? all[all.length - 1].endsAt : series.endsAt;
}

/** True when the series has no occurrence left once its exceptions are removed. */
export function hasNoOccurrences(series: Series): boolean {
  const all = allOccurrences(series);
  return all !== null && all.length === 0;
}

/** The occurrence of the rule (ignoring exceptions) starting exactly at `instant`, if any. */
export function isOccurrence(series: Series, instant: Date): boolean {
  if (!series.recurrence) return instant.getTime() === series.startsAt.getTime();
  const around = { ...series, recurrenceExceptions: [] };
  return occurrencesOf(around, {
    from: new Date(instant.getTime() - (series.endsAt.getTime() - series.startsAt.getTime()) + 1),
    to: new Date(instant.getTime() + 1),
    limit: 50,
  }).some((o) => o.startsAt.getTime() === instant.getTime());
}

/** The first occurrence (ignoring exceptions) on a local date, if any; used to carry exceptions over when a series moves. */
export function occurrenceOnLocalDate(series: Series, date: Pick<LocalDateTime, 'year' | 'month' | 'day'>): Occurrence | null {
  const dayStart = startOfLocalDay(date, series.timeZone);
  const dayEnd = startOfLocalDay(addLocalDays(date, 1), series.timeZone);
  const around = { ...series, recurrenceExceptions: [] };
  const found = occurrencesOf(around, { from: dayStart, to: dayEnd, limit: 50 });
  return found.find((o) => o.startsAt.getTime() >= dayStart.getTime()) ?? null;
}
