import { formatLocal } from './local-time';
import {
  RecurrenceError,
  isOccurrence,
  lastEndOf,
  normalizeRecurrence,
  occurrenceOnLocalDate,
  occurrencesOf,
  type Series,
} from './recurrence';

const CPH = 'Europe/Copenhagen';

/** Tuesday 16 March 2027, 18:00–20:00 in Copenhagen (winter time, UTC+1). */
const weekly = (rule: string, extra: Partial<Series> = {}): Series => {
  const base = { startsAt: new Date('2027-03-16T17:00:00Z'), endsAt: new Date('2027-03-16T19:00:00Z'), allDay: false, timeZone: CPH };
  return { ...base, recurrence: normalizeRecurrence(rule, base), recurrenceExceptions: [], id: 'a', ...extra };
};

const local = (os: { startsAt: Date }[]) => os.map((o) => formatLocal(o.startsAt, CPH));

describe('normalizeRecurrence', () => {
  const at = { startsAt: new Date('2027-03-16T17:00:00Z'), allDay: false, timeZone: CPH };

  it('accepts a rule with or without the RRULE: prefix, in any case, and writes it canonically', () => {
    expect(normalizeRecurrence('RRULE:freq=weekly;count=10', at)).toBe('FREQ=WEEKLY;COUNT=10');
    expect(normalizeRecurrence('BYDAY=TU;FREQ=WEEKLY;INTERVAL=2', at)).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU');
  });

  it('turns a local or date-only UNTIL of a timed event into UTC, and keeps a DATE for all-day events', () => {
    expect(normalizeRecurrence('FREQ=WEEKLY;UNTIL=20270406T180000', at)).toBe('FREQ=WEEKLY;UNTIL=20270406T160000Z');
    expect(normalizeRecurrence('FREQ=WEEKLY;UNTIL=20270406', at)).toBe('FREQ=WEEKLY;UNTIL=20270406T215959Z');
    const allDay = { startsAt: new Date('2027-03-15T23:00:00Z'), allDay: true, timeZone: CPH };
    expect(normalizeRecurrence('FREQ=DAILY;UNTIL=20270320T120000Z', allDay)).toBe('FREQ=DAILY;UNTIL=20270320');
  });

  it.each([
    ['', /is empty/],
    ['COUNT=3', /needs FREQ/],
    ['FREQ=HOURLY', /at most daily/],
    ['FREQ=FORTNIGHTLY', /FREQ must be/],
    ['FREQ=WEEKLY;COUNT=0', /COUNT must be/],
    ['FREQ=WEEKLY;COUNT=5000', /COUNT must be/],
    ['FREQ=WEEKLY;INTERVAL=abc', /INTERVAL/],
    ['FREQ=WEEKLY;BYDAY=XX', /BYDAY "XX"/],
    ['FREQ=WEEKLY;BYDAY=2TU', /numbered weekday needs FREQ=MONTHLY/],
    ['FREQ=MONTHLY;BYMONTHDAY=32', /BYMONTHDAY values/],
    ['FREQ=WEEKLY;BYMONTHDAY=3', /cannot be used with FREQ=WEEKLY/],
    ['FREQ=WEEKLY;BYHOUR=9', /time of day comes from startsAt/],
    ['FREQ=WEEKLY;COUNT=3;UNTIL=20270501', /not both/],
    ['FREQ=WEEKLY;UNTIL=20270301', /before the start/],
    ['FREQ=WEEKLY;UNTIL=2027', /UNTIL must be a date/],
    ['FREQ=WEEKLY;FOO=1', /FOO is not an RRULE property/],
    ['FREQ=WEEKLY;FREQ=DAILY', /given twice/],
    ['FREQ=WEEKLY;BYDAY=WE', /is not one of the dates the rule gives/],
    ['FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', /never produces an occurrence|not one of the dates/],
    ['FREQ=DAILY;UNTIL=20450101', /within 20 years|more than 5000/],
  ])('refuses %j', (rule, message) => {
    expect(() => normalizeRecurrence(rule, at)).toThrow(RecurrenceError);
    expect(() => normalizeRecurrence(rule, at)).toThrow(message);
  });
});

describe('occurrencesOf', () => {
  it('keeps a weekly 18:00 event at 18:00 local time across the change to summer time', () => {
    const series = weekly('FREQ=WEEKLY;COUNT=4');
    expect(local(occurrencesOf(series, { limit: 10 }))).toEqual([
      '2027-03-16T18:00:00+01:00',
      '2027-03-23T18:00:00+01:00',
      '2027-03-30T18:00:00+02:00',
      '2027-04-06T18:00:00+02:00',
    ]);
    expect(lastEndOf(series)).toEqual(new Date('2027-04-06T18:00:00Z'));
  });

  it('returns only occurrences overlapping the window, after the cursor, up to the limit, without exceptions', () => {
    const series = weekly('FREQ=WEEKLY', { recurrenceExceptions: ['2027-03-30T16:00:00.000Z'] });
    const window = { from: new Date('2027-03-20T00:00:00Z'), to: new Date('2027-05-01T00:00:00Z') };
    expect(local(occurrencesOf(series, { ...window, limit: 3 }))).toEqual([
      '2027-03-23T18:00:00+01:00',
      '2027-04-06T18:00:00+02:00',
      '2027-04-13T18:00:00+02:00',
    ]);
    const after = { startsAt: new Date('2027-04-13T16:00:00Z'), id: 'a' };
    expect(local(occurrencesOf(series, { ...window, after, limit: 10 }))).toEqual([
      '2027-04-20T18:00:00+02:00',
      '2027-04-27T18:00:00+02:00',
    ]);
    // An occurrence still going on at `from` overlaps the window.
    expect(local(occurrencesOf(series, { from: new Date('2027-03-23T18:30:00Z'), limit: 1 }))).toEqual(['2027-03-23T18:00:00+01:00']);
    expect(lastEndOf(series)).toBeNull();
  });

  it('moves an occurrence that falls in the daylight-saving gap forward, as calendar apps do', () => {
    const base = { startsAt: new Date('2027-03-26T01:30:00Z'), endsAt: new Date('2027-03-26T02:30:00Z'), allDay: false, timeZone: CPH };
    const series = { ...base, recurrence: normalizeRecurrence('FREQ=DAILY;COUNT=4', base), recurrenceExceptions: [] };
    expect(local(occurrencesOf(series, { limit: 10 }))).toEqual([
      '2027-03-26T02:30:00+01:00',
      '2027-03-27T02:30:00+01:00',
      '2027-03-28T03:30:00+02:00',
      '2027-03-29T02:30:00+02:00',
    ]);
  });

  it('expands all-day events over local dates, whatever the length of the day', () => {
    const base = { startsAt: new Date('2027-03-26T23:00:00Z'), endsAt: new Date('2027-03-27T23:00:00Z'), allDay: true, timeZone: CPH };
    const series = { ...base, recurrence: normalizeRecurrence('FREQ=DAILY;COUNT=3', base), recurrenceExceptions: [] };
    const all = occurrencesOf(series, { limit: 10 });
    expect(all.map((o) => [formatLocal(o.startsAt, CPH), formatLocal(o.endsAt, CPH)])).toEqual([
      ['2027-03-27T00:00:00+01:00', '2027-03-28T00:00:00+01:00'],
      ['2027-03-28T00:00:00+01:00', '2027-03-29T00:00:00+02:00'],
      ['2027-03-29T00:00:00+02:00', '2027-03-30T00:00:00+02:00'],
    ]);
  });

  it('knows its own occurrences, and finds the occurrence of a local date', () => {
    const series = weekly('FREQ=WEEKLY;COUNT=4');
    expect(isOccurrence(series, new Date('2027-03-30T16:00:00Z'))).toBe(true);
    expect(isOccurrence(series, new Date('2027-03-30T17:00:00Z'))).toBe(false);
    expect(isOccurrence(series, new Date('2027-03-31T16:00:00Z'))).toBe(false);
    expect(occurrenceOnLocalDate(series, { year: 2027, month: 3, day: 30 })?.startsAt).toEqual(new Date('2027-03-30T16:00:00Z'));
    expect(occurrenceOnLocalDate(series, { year: 2027, month: 3, day: 31 })).toBeNull();
  });
});
