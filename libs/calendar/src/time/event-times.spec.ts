import { resolveEventTimes, type EventTimes } from './event-times';
import { formatLocal } from './local-time';

const CPH = 'Europe/Copenhagen';

function ok(result: ReturnType<typeof resolveEventTimes>): EventTimes {
  if (!result.ok) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  return result.times;
}

const local = (d: Date | null, zone = CPH) => (d ? formatLocal(d, zone) : null);

describe('resolveEventTimes', () => {
  it('reads local date-times in the event zone, defaulting to the configured one', () => {
    const t = ok(resolveEventTimes({ startsAt: '2027-06-01T18:00', endsAt: '2027-06-01T20:00' }, null, CPH));
    expect(t).toMatchObject({ timeZone: CPH, allDay: false, recurrence: null, recurrenceExceptions: [] });
    expect(t.startsAt.toISOString()).toBe('2027-06-01T16:00:00.000Z');
    expect(t.lastEndsAt).toEqual(t.endsAt);
  });

  it('makes an all-day event one local day long unless told otherwise', () => {
    const t = ok(resolveEventTimes({ startsAt: '2027-10-31', allDay: true }, null, CPH));
    expect([local(t.startsAt), local(t.endsAt)]).toEqual(['2027-10-31T00:00:00+02:00', '2027-11-01T00:00:00+01:00']);
    expect(t.endsAt.getTime() - t.startsAt.getTime()).toBe(25 * 3600_000);
  });

  it('keeps the duration when only the start moves, and the local times when only the zone changes', () => {
    const current = ok(resolveEventTimes({ startsAt: '2027-06-01T18:00', endsAt: '2027-06-01T20:30' }, null, CPH));
    const moved = ok(resolveEventTimes({ startsAt: '2027-06-08T10:00' }, current, CPH));
    expect([local(moved.startsAt), local(moved.endsAt)]).toEqual(['2027-06-08T10:00:00+02:00', '2027-06-08T12:30:00+02:00']);
    const rezoned = ok(resolveEventTimes({ timeZone: 'America/New_York' }, current, CPH));
    expect([local(rezoned.startsAt, 'America/New_York'), local(rezoned.endsAt, 'America/New_York')]).toEqual([
      '2027-06-01T18:00:00-04:00',
      '2027-06-01T20:30:00-04:00',
    ]);
  });

  it('asks for the start again when an event becomes all-day, and for an end when it gets a time', () => {
    const current = ok(resolveEventTimes({ startsAt: '2027-06-01T18:00', endsAt: '2027-06-01T20:00' }, null, CPH));
    expect(resolveEventTimes({ allDay: true }, current, CPH)).toEqual({
      ok: false,
      errors: { startsAt: expect.stringMatching(/allDay changes/) },
    });
    const allDay = ok(resolveEventTimes({ allDay: true, startsAt: '2027-06-01' }, current, CPH));
    expect(resolveEventTimes({ allDay: false, startsAt: '2027-06-01T18:00' }, allDay, CPH)).toEqual({
      ok: false,
      errors: { endsAt: expect.stringMatching(/required/) },
    });
  });

  it('carries exceptions over to the same dates when a series moves, and drops those with no occurrence left', () => {
    const current = ok(
      resolveEventTimes(
        {
          startsAt: '2027-03-16T18:00',
          endsAt: '2027-03-16T20:00',
          recurrence: 'FREQ=WEEKLY;COUNT=6',
          recurrenceExceptions: ['2027-03-23T18:00', '2027-04-13T18:00'],
        },
        null,
        CPH,
      ),
    );
    expect(current.recurrenceExceptions).toEqual(['2027-03-23T17:00:00.000Z', '2027-04-13T16:00:00.000Z']);
    const later = ok(resolveEventTimes({ startsAt: '2027-03-16T19:30' }, current, CPH));
    expect(later.recurrenceExceptions).toEqual(['2027-03-23T18:30:00.000Z', '2027-04-13T17:30:00.000Z']);
    const shorter = ok(resolveEventTimes({ recurrence: 'FREQ=WEEKLY;COUNT=3' }, current, CPH));
    expect(shorter.recurrenceExceptions).toEqual(['2027-03-23T17:00:00.000Z']);
    expect(local(shorter.lastEndsAt)).toBe('2027-03-30T20:00:00+02:00');
  });

  it('refuses exceptions that remove every occurrence, and a rule that no longer fits a moved start', () => {
    const r = resolveEventTimes(
      {
        startsAt: '2027-03-16T18:00',
        endsAt: '2027-03-16T20:00',
        recurrence: 'FREQ=WEEKLY;COUNT=2',
        recurrenceExceptions: ['2027-03-16T18:00', '2027-03-23T18:00'],
      },
      null,
      CPH,
    );
    expect(r).toEqual({ ok: false, errors: { recurrenceExceptions: expect.stringMatching(/every occurrence/) } });
    const current = ok(
      resolveEventTimes({ startsAt: '2027-03-16T18:00', endsAt: '2027-03-16T20:00', recurrence: 'FREQ=WEEKLY;BYDAY=TU' }, null, CPH),
    );
    expect(resolveEventTimes({ startsAt: '2027-03-17T18:00' }, current, CPH)).toEqual({
      ok: false,
      errors: { recurrence: expect.stringMatching(/no longer fits/) },
    });
  });
});
