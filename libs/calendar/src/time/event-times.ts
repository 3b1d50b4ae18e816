import type { FieldErrors } from '@mangfold/graphql';
import {
  addLocalDays,
  formatLocal,
  formatLocalDateTime,
  localDaysBetween,
  parseTimeInput,
  resolveLocal,
  startOfLocalDay,
  toLocal,
  type LocalDateTime,
} from './local-time';
import {
  RecurrenceError,
  hasNoOccurrences,
  isOccurrence,
  lastEndOf,
  normalizeRecurrence,
  occurrenceOnLocalDate,
  type Series,
} from './recurrence';

/** The time fields of an event as stored. */
export interface EventTimes {
  startsAt: Date;
  endsAt: Date;
  allDay: boolean;
  timeZone: string;
  recurrence: string | null;
  recurrenceExceptions: string[];
  lastEndsAt: Date | null;
}

/** The time fields of createEvent/updateEvent; undefined means "not given". */
export interface EventTimesInput {
  startsAt?: string;
  endsAt?: string | null;
  allDay?: boolean;
  timeZone?: string;
  recurrence?: string | null;
  recurrenceExceptions?: string[] | null;
}

/** An event lasts at most this long; longer things are series (recurrence). */
export const MAX_EVENT_DAYS = 366;
const DAY_MS = 86_400_000;

type Parsed = { ok: true; instant: Date; local?: LocalDateTime } | { ok: false };

/**
 * Reads one time field. All-day events take dates; timed events take an instant with offset or
 * a local date-time in the event's zone. A local time that does not exist (the hour skipped when
 * daylight saving starts) is refused with a suggestion, since the organiser surely meant
 * something else; a local time that happens twice (when it ends) means the first.
 */
function parseField(field: string, value: string, allDay: boolean, zone: string, errors: FieldErrors): Parsed {
  const parsed = parseTimeInput(value);
  if (!parsed) {
    errors[field] = `${field} is not a date or time this API reads`;
    return { ok: false };
  }
  if (allDay) {
    if (parsed.kind !== 'date') {
      errors[field] = `${field} must be a date (YYYY-MM-DD) for an all-day event`;
      return { ok: false };
    }
    return { ok: true, instant: startOfLocalDay(parsed.local, zone), local: parsed.local };
  }
  switch (parsed.kind) {
    case 'date':
      errors[field] = `${field} needs a time of day, e.g. ${value}T18:00 (or set allDay for an all-day event)`;
      return { ok: false };
    case 'instant':
      return { ok: true, instant: parsed.instant };
    case 'local': {
      const resolved = resolveLocal(parsed.local, zone);
      if (resolved.kind === 'gap') {
        errors[field] =
          `${field}: ${formatLocalDateTime(parsed.local)} does not exist in ${zone}, because the clocks skip that hour ` +
          `when daylight saving time starts; the same moment written as local time is ${formatLocal(resolved.instant, zone).slice(0, 16)}`;
        return { ok: false };
      }
      return { ok: true, instant: resolved.instant };
    }
  }
}

const seriesOf = (t: Omit<EventTimes, 'lastEndsAt'>): Series => ({ ...t });

/**
 * Turns the time fields of an input (and, for an update, the event's current times) into the
 * stored fields, or returns the problems by field. The rules:
 * - `timeZone` defaults to the current one, else `defaultZone`; changing it alone keeps the local
 *   wall-clock times (an organiser who picked the wrong zone meant the times they typed).
 * - moving `startsAt` without `endsAt` keeps the duration.
 * - all-day `endsAt` is exclusive (the day after the last day); left out on create, one day.
 * - exceptions left out while the series moves stay on the same local dates.
 */
export function resolveEventTimes(
  input: EventTimesInput,
  current: EventTimes | null,
  defaultZone: string,
): { ok: true; times: EventTimes } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const zone = input.timeZone ?? current?.timeZone ?? defaultZone;
  const allDay = input.allDay ?? current?.allDay ?? false;
  const { startsAt, endsAt } = resolveSpan(input, current, zone, allDay, errors);
  if (!startsAt || !endsAt || Object.keys(errors).length)
    return { ok: false, errors: Object.keys(errors).length ? errors : { startsAt: 'startsAt is required' } };

  const base = { startsAt, endsAt, allDay, timeZone: zone };
  const timeChanged =
    !current ||
    current.startsAt.getTime() !== startsAt.getTime() ||
    current.endsAt.getTime() !== endsAt.getTime() ||
    current.allDay !== allDay ||
    current.timeZone !== zone;

  let recurrence: string | null = null;
  const rule = input.recurrence !== undefined ? input.recurrence : (current?.recurrence ?? null);
  if (rule !== null && rule !== '') {
    try {
      recurrence = normalizeRecurrence(rule, base);
    } catch (error) {
      if (!(error instanceof RecurrenceError)) throw error;
      errors.recurrence =
        input.recurrence === undefined ? `recurrence no longer fits the new times: ${error.message}` : `recurrence ${error.message}`;
      return { ok: false, errors };
    }
  }
  const ruleChanged = recurrence !== (current?.recurrence ?? null);
  const exceptions = resolveExceptions(input, current, { ...base, recurrence }, timeChanged || ruleChanged, errors);
  if (Object.keys(errors).length) return { ok: false, errors };

  const times = { ...base, recurrence, recurrenceExceptions: exceptions };
  if (recurrence && hasNoOccurrences(seriesOf(times))) {
    return { ok: false, errors: { recurrenceExceptions: 'recurrenceExceptions remove every occurrence; cancel the event instead' } };
  }
  return { ok: true, times: { ...times, lastEndsAt: lastEndOf(seriesOf(times)) } };
}

/** Start and end from the input and the current times (see resolveEventTimes); problems go into errors. */
function resolveSpan(
  input: EventTimesInput,
  current: EventTimes | null,
  zone: string,
  allDay: boolean,
  errors: FieldErrors,
): { startsAt?: Date; endsAt?: Date } {
  const allDayChanged = current !== null && allDay !== current.allDay;
  const zoneChanged = current !== null && zone !== current.timeZone;

  if (allDayChanged && input.startsAt === undefined) errors.startsAt = 'startsAt must be given again when allDay changes';
  if (!current && input.startsAt === undefined) errors.startsAt = 'startsAt is required';

  // The current local times, kept when only the zone changes.
  const keepLocal = (instant: Date): Date => {
    if (!current || !zoneChanged) return instant;
    const local = toLocal(instant, current.timeZone);
    return allDay ? startOfLocalDay(local, zone) : resolveLocal(local, zone).instant;
  };

  let startsAt: Date | undefined;
  if (input.startsAt !== undefined) {
    const p = parseField('startsAt', input.startsAt, allDay, zone, errors);
    if (p.ok) startsAt = p.instant;
  } else if (current && !allDayChanged) {
    startsAt = keepLocal(current.startsAt);
  }

  let endsAt: Date | undefined;
  if (input.endsAt !== undefined && input.endsAt !== null) {
    const p = parseField('endsAt', input.endsAt, allDay, zone, errors);
    if (p.ok) endsAt = p.instant;
  } else if (startsAt) {
    if (current && !allDayChanged && input.endsAt !== null) {
      // Same duration: nominal days for all-day events, elapsed time otherwise.
      if (allDay) {
        const days = localDaysBetween(toLocal(current.startsAt, current.timeZone), toLocal(current.endsAt, current.timeZone));
        endsAt = startOfLocalDay(addLocalDays(toLocal(startsAt, zone), days), zone);
      } else {
        endsAt = new Date(startsAt.getTime() + (current.endsAt.getTime() - current.startsAt.getTime()));
      }
    } else if (allDay) {
      endsAt = startOfLocalDay(addLocalDays(toLocal(startsAt, zone), 1), zone);
    } else {
      errors.endsAt = 'endsAt is required for an event with a time of day';
    }
  }

  if (startsAt && endsAt) {
    if (endsAt.getTime() <= startsAt.getTime()) {
      errors.endsAt = allDay
        ? 'endsAt must be after startsAt; for an all-day event it is the day after the last day'
        : 'endsAt must be after startsAt';
    } else if (endsAt.getTime() - startsAt.getTime() > MAX_EVENT_DAYS * DAY_MS + 2 * 3_600_000) {
      errors.endsAt = `an event lasts at most ${MAX_EVENT_DAYS} days; use recurrence for a series`;
    }
  }
  return { startsAt, endsAt };
}

/**
 * The exception dates: the input's, each checked to be an occurrence; left out, the current ones,
 * moved to the same local dates when the series moved. Problems go into errors.
 */
function resolveExceptions(
  input: EventTimesInput,
  current: EventTimes | null,
  next: { startsAt: Date; endsAt: Date; allDay: boolean; timeZone: string; recurrence: string | null },
  seriesChanged: boolean,
  errors: FieldErrors,
): string[] {
  const { recurrence, allDay, timeZone: zone } = next;
  if (input.recurrenceExceptions !== undefined && input.recurrenceExceptions !== null && input.recurrenceExceptions.length > 0) {
    if (!recurrence) {
      errors.recurrenceExceptions = 'recurrenceExceptions only apply to a recurring event (set recurrence)';
      return [];
    }
    const series = seriesOf({ ...next, recurrence, recurrenceExceptions: [] });
    const seen = new Set<number>();
    input.recurrenceExceptions.forEach((value, i) => {
      const field = `recurrenceExceptions.${i}`;
      const parsed = parseTimeInput(value);
      let instant: Date | undefined;
      if (parsed?.kind === 'instant' && !allDay) instant = parsed.instant;
      // A local start inside the daylight-saving gap names the occurrence moved forward by the gap.
      else if (parsed?.kind === 'local' && !allDay) instant = resolveLocal(parsed.local, zone).instant;
      else if (parsed?.kind === 'date' && allDay) instant = startOfLocalDay(parsed.local, zone);
      if (!instant) {
        errors[field] = allDay
          ? `${field} must be a date (YYYY-MM-DD) for an all-day event`
          : `${field} must be the start of an occurrence, with a time of day`;
      } else if (!isOccurrence(series, instant)) {
        errors[field] = `${field} (${allDay ? value : formatLocal(instant, zone)}) is not an occurrence of the recurrence`;
      } else seen.add(instant.getTime());
    });
    return [...seen].sort((a, b) => a - b).map((ms) => new Date(ms).toISOString());
  }
  if (input.recurrenceExceptions !== undefined || !current || !recurrence || !current.recurrenceExceptions.length) return [];
  if (!seriesChanged) return [...current.recurrenceExceptions];
  const series = seriesOf({ ...next, recurrence, recurrenceExceptions: [] });
  const moved = new Set<number>();
  for (const e of current.recurrenceExceptions) {
    const found = occurrenceOnLocalDate(series, toLocal(new Date(e), current.timeZone));
    if (found) moved.add(found.startsAt.getTime());
  }
  return [...moved].sort((a, b) => a - b).map((ms) => new Date(ms).toISOString());
}
