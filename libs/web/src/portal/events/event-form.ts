import { DateTime } from 'luxon';
import type { Event } from '@mangfold/calendar';
import type { FieldErrors } from '@mangfold/graphql';
import { checked, optional, text } from '../../forms/form-input';

/** The event form's fields as the browser posts them (every value a string; languages a list). */
export type EventFormValues = Record<string, string>;

export const LANGUAGE_CHOICES = ['da', 'en', 'ar', 'tr', 'ur', 'so', 'fa', 'pl', 'uk', 'es', 'fr', 'de'] as const;
const LOCALIZED = ['title', 'description', 'audience', 'accessibility', 'price'] as const;
const LOCATION = ['name', 'address', 'postalCode', 'city', 'latitude', 'longitude'] as const;

/** The form as posted: strings only, languages joined with commas. */
export function postedValues(body: Record<string, unknown>): EventFormValues {
  const values: EventFormValues = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === '_csrf') continue;
    if (typeof value === 'string') values[key] = value;
    else if (Array.isArray(value)) values[key] = value.filter((v): v is string => typeof v === 'string').join(',');
  }
  return values;
}

const yyyymmdd = (date: string): string => date.replace(/-/g, '');

/**
 * Recurrence as plain choices: none, weekly or monthly (same weekday or same date), ending on a
 * date or after a count, as the RFC 5545 rule the API takes.
 */
export function recurrenceRule(values: EventFormValues, errors: FieldErrors): string | null {
  const repeat = values.repeat ?? 'none';
  if (repeat === 'none' || repeat === '') return null;
  const freq = repeat === 'weekly' ? 'WEEKLY' : repeat === 'monthly' ? 'MONTHLY' : null;
  if (!freq) {
    errors.repeat = 'choose how the event repeats';
    return null;
  }
  const until = (values.repeatUntil ?? '').trim();
  const count = (values.repeatCount ?? '').trim();
  if (until && count) errors.repeatCount = 'give either an end date or a number of times, not both';
  else if (!until && !count) errors.repeatUntil = 'give an end date or a number of times';
  else if (count && !/^\d{1,3}$/.test(count)) errors.repeatCount = 'must be a whole number up to 999';
  else if (until && !/^\d{4}-\d{2}-\d{2}$/.test(until)) errors.repeatUntil = 'must be a date';
  return `FREQ=${freq}${until ? `;UNTIL=${yyyymmdd(until)}T235959Z` : ''}${count ? `;COUNT=${count}` : ''}`;
}

/** The form's local dates and times as the API's local date-times ("2027-05-01T18:00") or dates. */
function times(values: EventFormValues, errors: FieldErrors): { startsAt?: string; endsAt?: string; allDay: boolean } {
  const allDay = values.allDay === 'on';
  const startDate = (values.startDate ?? '').trim();
  const endDate = (values.endDate ?? '').trim() || startDate;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(startDate)) {
    errors.startDate = 'is required';
    return { allDay };
  }
  if (allDay) {
    // The API takes the day after the last one (exclusive, as iCalendar does); people give the last day.
    const after = DateTime.fromISO(endDate).plus({ days: 1 });
    if (!after.isValid) errors.endDate = 'must be a date';
    return { allDay, startsAt: startDate, endsAt: after.toISODate() ?? undefined };
  }
  const startTime = (values.startTime ?? '').trim();
  const endTime = (values.endTime ?? '').trim();
  if (!/^\d{2}:\d{2}$/.test(startTime)) errors.startTime = 'is required unless the event lasts all day';
  if (!/^\d{2}:\d{2}$/.test(endTime)) errors.endTime = 'is required unless the event lasts all day';
  return { allDay, startsAt: `${startDate}T${startTime}`, endsAt: `${endDate}T${endTime}` };
}

/** A local "2027-05-01T18:00" in the event's zone as an ISO instant, or undefined when blank. */
function instant(value: string | undefined, zone: string): string | null {
  const trimmed = (value ?? '').trim();
  if (!trimmed) return null;
  const at = DateTime.fromISO(trimmed, { zone });
  return at.isValid ? at.toUTC().toISO() : trimmed;
}

/**
 * The posted form as the raw input of createEvent/updateEvent; the input class then checks it with
 * the API's own rules. Problems only the form can have (a missing start time) go into `errors`.
 */
export function eventInputFrom(values: EventFormValues, timeZone: string, errors: FieldErrors): Record<string, unknown> {
  const body = values as Record<string, unknown>;
  const raw: Record<string, unknown> = {};
  for (const name of LOCALIZED) raw[name] = { da: optional(body, `${name}.da`), en: optional(body, `${name}.en`) };
  raw.location = Object.fromEntries(
    LOCATION.map((name) => {
      const value = optional(body, `location.${name}`);
      return [name, (name === 'latitude' || name === 'longitude') && value !== null ? Number(value.replace(',', '.')) : value];
    }),
  );
  const { startsAt, endsAt, allDay } = times(values, errors);
  Object.assign(raw, { startsAt, endsAt, allDay, timeZone });
  raw.recurrence = recurrenceRule(values, errors);
  const startTime = values.allDay === 'on' ? '' : `T${(values.startTime ?? '').trim()}`;
  raw.recurrenceExceptions = (values.skipDates ?? '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((date) => `${date}${startTime}`);
  raw.kind = optional(body, 'kind') ?? undefined;
  raw.districtId = optional(body, 'districtId');
  raw.housingAreaId = optional(body, 'housingAreaId');
  raw.occasionId = optional(body, 'occasionId');
  const capacity = optional(body, 'capacity');
  raw.capacity = capacity === null ? null : /^\d+$/.test(capacity) ? Number(capacity) : capacity;
  raw.registrationRequired = checked(body, 'registrationRequired');
  raw.registrationOpensAt = instant(values.registrationOpensAt, timeZone);
  raw.registrationClosesAt = instant(values.registrationClosesAt, timeZone);
  raw.languages = text(body, 'languages')
    .split(',')
    .map((code) => code.trim().toLowerCase())
    .filter(Boolean);
  raw.isFree = checked(body, 'isFree');
  return raw;
}

const local = (at: Date | null, zone: string, format: string): string => (at ? DateTime.fromJSDate(at, { zone }).toFormat(format) : '');

/** An event as the form shows it, so editing starts from what is stored. */
export function valuesFromEvent(event: Event): EventFormValues {
  const zone = event.timeZone;
  const values: EventFormValues = {};
  for (const name of LOCALIZED) {
    const textOf = name === 'price' ? event.priceInfo : event[name];
    values[`${name}.da`] = textOf.da ?? '';
    values[`${name}.en`] = textOf.en ?? '';
  }
  for (const name of LOCATION) {
    const value = event.location[name];
    values[`location.${name}`] = value === null || value === undefined ? '' : String(value);
  }
  values.kind = event.kind;
  values.allDay = event.allDay ? 'on' : '';
  values.startDate = local(event.startsAt, zone, 'yyyy-MM-dd');
  values.startTime = event.allDay ? '' : local(event.startsAt, zone, 'HH:mm');
  const lastDay = event.allDay ? new Date(event.endsAt.getTime() - 1) : event.endsAt;
  values.endDate = local(lastDay, zone, 'yyyy-MM-dd');
  values.endTime = event.allDay ? '' : local(event.endsAt, zone, 'HH:mm');
  Object.assign(values, recurrenceValues(event.recurrence));
  values.skipDates = event.recurrenceExceptions.map((at) => local(new Date(at), zone, 'yyyy-MM-dd')).join('\n');
  values.districtId = event.district?.id ?? '';
  values.housingAreaId = event.housingArea?.id ?? '';
  values.occasionId = event.occasion?.id ?? '';
  values.capacity = event.capacity === null ? '' : String(event.capacity);
  values.registrationRequired = event.registrationRequired ? 'on' : '';
  values.registrationOpensAt = local(event.registrationOpensAt, zone, "yyyy-MM-dd'T'HH:mm");
  values.registrationClosesAt = local(event.registrationClosesAt, zone, "yyyy-MM-dd'T'HH:mm");
  values.languages = event.languages.join(',');
  values.isFree = event.isFree ? 'on' : '';
  return values;
}

/** The plain choices behind a stored rule, when it is one the form can express. */
function recurrenceValues(rule: string | null): EventFormValues {
  if (!rule) return { repeat: 'none' };
  const parts = Object.fromEntries(rule.split(';').map((p) => p.split('=') as [string, string]));
  const until = parts.UNTIL ? `${parts.UNTIL.slice(0, 4)}-${parts.UNTIL.slice(4, 6)}-${parts.UNTIL.slice(6, 8)}` : '';
  return { repeat: parts.FREQ === 'MONTHLY' ? 'monthly' : 'weekly', repeatUntil: until, repeatCount: parts.COUNT ?? '' };
}

/** The API's field names where the form has other fields for them (a start is a date and a time). */
const FORM_FIELD: Record<string, string> = {
  title: 'title.da',
  startsAt: 'startDate',
  endsAt: 'endDate',
  recurrence: 'repeat',
  timeZone: 'startDate',
  price: 'price.da',
};

/** The API's field errors under the names of the form's fields, so each shows beside its field. */
export function formErrors(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, problem] of Object.entries(errors)) {
    const name = key.startsWith('recurrenceExceptions') ? 'skipDates' : (FORM_FIELD[key] ?? key);
    out[name] ??= problem;
  }
  return out;
}
