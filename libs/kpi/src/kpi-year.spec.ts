import { assertKpiYear, currentKpiYear, yearBounds } from './kpi-year';
import { scheduledAt } from './kpi-jobs.module';

describe('KPI years in Copenhagen', () => {
  it('starts and ends a year at local midnight (CET, UTC+1)', () => {
    const b = yearBounds(2026);
    expect(b.start.toISOString()).toBe('2025-12-31T23:00:00.000Z');
    expect(b.end.toISOString()).toBe('2026-12-31T23:00:00.000Z');
  });

  it('takes "this year" from Copenhagen, not UTC', () => {
    expect(currentKpiYear(new Date('2026-12-31T23:30:00Z'))).toBe(2027);
    expect(currentKpiYear(new Date('2026-12-31T22:59:59Z'))).toBe(2026);
  });

  it('refuses years no KPI describes, naming the field', () => {
    const now = new Date('2026-06-01T12:00:00Z');
    expect(() => assertKpiYear(2026, now)).not.toThrow();
    expect(() => assertKpiYear(1999, now)).toThrow(expect.objectContaining({ fields: { year: 'must be a year from 2000 to 2036' } }));
    expect(() => assertKpiYear(2037, now)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(() => assertKpiYear(2026.5, now)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  it('reads the slot a scheduler meant from the job id, whenever the job runs', () => {
    const millis = Date.parse('2026-12-01T07:00:00Z');
    expect(scheduledAt({ id: `repeat:status-report-december:${millis}`, timestamp: 1, opts: {} })).toEqual(new Date(millis));
    expect(scheduledAt({ id: 'abc', timestamp: 5, opts: { prevMillis: 7 } })).toEqual(new Date(7));
    expect(scheduledAt({ id: 'abc', timestamp: 5, opts: {} })).toEqual(new Date(5));
  });
});
