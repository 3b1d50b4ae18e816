import { formatLocal, parseTimeInput, resolveLocal, startOfLocalDay } from './local-time';

const CPH = 'Europe/Copenhagen';

describe('parseTimeInput', () => {
  it('tells dates, local date-times and instants apart', () => {
    expect(parseTimeInput('2027-05-01')).toEqual({ kind: 'date', local: { year: 2027, month: 5, day: 1, hour: 0, minute: 0, second: 0 } });
    expect(parseTimeInput('2027-05-01T18:30')).toEqual({
      kind: 'local',
      local: { year: 2027, month: 5, day: 1, hour: 18, minute: 30, second: 0 },
    });
    expect(parseTimeInput('2027-05-01T18:30:15')).toMatchObject({ kind: 'local', local: { second: 15 } });
    expect(parseTimeInput('2027-05-01T18:30:00+02:00')).toEqual({ kind: 'instant', instant: new Date('2027-05-01T16:30:00Z') });
    expect(parseTimeInput('2027-05-01T16:30:00.000Z')).toEqual({ kind: 'instant', instant: new Date('2027-05-01T16:30:00Z') });
  });

  it('refuses impossible dates and other formats', () => {
    for (const bad of [
      '2027-02-30',
      '2027-02-29T10:00',
      '2027-13-01',
      '2027-05-01T24:00',
      '2027-05-01 18:00',
      'tomorrow',
      '1714576200',
      '',
    ]) {
      expect(parseTimeInput(bad)).toBeNull();
    }
  });
});

describe('resolveLocal in Europe/Copenhagen', () => {
  it('maps an ordinary wall-clock time to one instant', () => {
    expect(resolveLocal({ year: 2027, month: 6, day: 1, hour: 18, minute: 0, second: 0 }, CPH)).toEqual({
      kind: 'exact',
      instant: new Date('2027-06-01T16:00:00Z'),
    });
  });

  it('finds 02:30 on 28 March 2027 in the gap, and moves it forward by the gap as RFC 5545 does', () => {
    const r = resolveLocal({ year: 2027, month: 3, day: 28, hour: 2, minute: 30, second: 0 }, CPH);
    expect(r.kind).toBe('gap');
    expect(formatLocal(r.instant, CPH)).toBe('2027-03-28T03:30:00+02:00');
  });

  it('finds 02:30 on 31 October 2027 twice and takes the first', () => {
    const r = resolveLocal({ year: 2027, month: 10, day: 31, hour: 2, minute: 30, second: 0 }, CPH);
    expect(r).toEqual({ kind: 'ambiguous', instant: new Date('2027-10-31T00:30:00Z'), later: new Date('2027-10-31T01:30:00Z') });
  });
});

describe('formatLocal and startOfLocalDay', () => {
  it('write the wall clock with the offset of that moment', () => {
    expect(formatLocal(new Date('2027-01-10T17:00:00Z'), CPH)).toBe('2027-01-10T18:00:00+01:00');
    expect(formatLocal(new Date('2027-07-10T16:00:00Z'), CPH)).toBe('2027-07-10T18:00:00+02:00');
    expect(startOfLocalDay({ year: 2027, month: 3, day: 28 }, CPH)).toEqual(new Date('2027-03-27T23:00:00Z'));
    expect(startOfLocalDay({ year: 2027, month: 3, day: 29 }, CPH)).toEqual(new Date('2027-03-28T22:00:00Z'));
  });
});
