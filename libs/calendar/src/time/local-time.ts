import { DateTime } from 'luxon';

/** A wall-clock date and time, without a zone. */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** What a time field of an input said: a date, a local date-time, or an instant with an offset. */
export type TimeInput =
  { kind: 'date'; local: LocalDateTime } | { kind: 'local'; local: LocalDateTime } | { kind: 'instant'; instant: Date };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/i;

function isRealDate(l: LocalDateTime): boolean {
  const d = new Date(Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second));
  return (
    d.getUTCFullYear() === l.year &&
    d.getUTCMonth() === l.month - 1 &&
    d.getUTCDate() === l.day &&
    d.getUTCHours() === l.hour &&
    d.getUTCMinutes() === l.minute &&
    d.getUTCSeconds() === l.second
  );
}

/**
 * Parses "2027-03-28", "2027-03-28T18:00[:00]" (local) or "2027-03-28T18:00:00+02:00" / "…Z"
 * (an instant). Returns null for anything else, including impossible dates such as 30 February.
 */
export function parseTimeInput(value: string): TimeInput | null {
  const text = value.trim();
  const date = DATE.exec(text);
  if (date) {
    const local = { year: +date[1], month: +date[2], day: +date[3], hour: 0, minute: 0, second: 0 };
    return isRealDate(local) ? { kind: 'date', local } : null;
  }
  const dt = DATE_TIME.exec(text);
  if (!dt) return null;
  const local = { year: +dt[1], month: +dt[2], day: +dt[3], hour: +dt[4], minute: +dt[5], second: dt[6] ? +dt[6] : 0 };
  if (!isRealDate(local)) return null;
  if (!dt[7]) return { kind: 'local', local };
  const parsed = DateTime.fromISO(text, { setZone: true });
  if (!parsed.isValid) return null;
  return { kind: 'instant', instant: parsed.toJSDate() };
}

const floatingMs = (l: LocalDateTime) => Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second);

function wallClockOf(ms: number, zone: string): LocalDateTime {
  const d = DateTime.fromMillis(ms, { zone });
  return { year: d.year, month: d.month, day: d.day, hour: d.hour, minute: d.minute, second: d.second };
}

const sameWallClock = (a: LocalDateTime, b: LocalDateTime) =>
  a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute && a.second === b.second;

export type LocalResolution =
  | { kind: 'exact'; instant: Date }
  /** The wall clock shows this time twice (clocks go back); `instant` is the first, as RFC 5545 says. */
  | { kind: 'ambiguous'; instant: Date; later: Date }
  /** The wall clock skips this time (clocks go forward); `instant` uses the offset before the gap, as RFC 5545 says. */
  | { kind: 'gap'; instant: Date };

/** The instant(s) a wall-clock time means in an IANA zone. */
export function resolveLocal(local: LocalDateTime, zone: string): LocalResolution {
  const floating = floatingMs(local);
  // Offsets a day either side cover every transition of real zones (they are months apart).
  const offsets = new Set<number>();
  for (const probe of [floating - 86_400_000, floating, floating + 86_400_000]) {
    offsets.add(DateTime.fromMillis(probe, { zone }).offset);
  }
  const matches = [...offsets]
    .map((offset) => floating - offset * 60_000)
    .filter((ms) => sameWallClock(wallClockOf(ms, zone), local))
    .sort((a, b) => a - b);
  if (matches.length === 1) return { kind: 'exact', instant: new Date(matches[0]) };
  if (matches.length > 1) return { kind: 'ambiguous', instant: new Date(matches[0]), later: new Date(matches[matches.length - 1]) };
  const before = DateTime.fromMillis(floating - 86_400_000, { zone }).offset;
  return { kind: 'gap', instant: new Date(floating - before * 60_000) };
}

/** The wall clock of an instant in a zone. */
export function toLocal(instant: Date, zone: string): LocalDateTime {
  return wallClockOf(instant.getTime(), zone);
}

/** The wall clock as a "floating" Date whose UTC fields are the local fields (what rrule computes with). */
export function toFloating(instant: Date, zone: string): Date {
  return new Date(floatingMs(toLocal(instant, zone)));
}

export function fromFloating(floating: Date): LocalDateTime {
  return {
    year: floating.getUTCFullYear(),
    month: floating.getUTCMonth() + 1,
    day: floating.getUTCDate(),
    hour: floating.getUTCHours(),
    minute: floating.getUTCMinutes(),
    second: floating.getUTCSeconds(),
  };
}

/** "2027-03-28T03:30:00+02:00": the instant in the zone's wall clock, with that moment's offset. */
export function formatLocal(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISO({ suppressMilliseconds: true, includeOffset: true })!;
}

export function formatLocalDateTime(local: LocalDateTime, withSeconds = false): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const date = `${p(local.year, 4)}-${p(local.month)}-${p(local.day)}`;
  return `${date}T${p(local.hour)}:${p(local.minute)}${withSeconds ? `:${p(local.second)}` : ''}`;
}

/** Local midnight starting the given local date, as an instant (a zone may skip midnight: then the first instant of the day). */
export function startOfLocalDay(local: Pick<LocalDateTime, 'year' | 'month' | 'day'>, zone: string): Date {
  return DateTime.fromObject({ year: local.year, month: local.month, day: local.day }, { zone }).startOf('day').toJSDate();
}

/** The local date `days` after the given one (calendar arithmetic, no time involved). */
export function addLocalDays(local: Pick<LocalDateTime, 'year' | 'month' | 'day'>, days: number): LocalDateTime {
  const d = new Date(Date.UTC(local.year, local.month - 1, local.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: 0, minute: 0, second: 0 };
}

/** Whole local days from a to b (calendar dates). */
export function localDaysBetween(
  a: Pick<LocalDateTime, 'year' | 'month' | 'day'>,
  b: Pick<LocalDateTime, 'year' | 'month' | 'day'>,
): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}
