import { ReportPeriod } from './status-report.entity';
import { slotOpensAt, slotRunsAt, slotsDue } from './status-reports.service';

describe('status report slots', () => {
  it('cuts a scheduled period off at the start of its day and runs it at 08:00, Copenhagen time', () => {
    expect(slotOpensAt(2026, ReportPeriod.AUGUST).toISOString()).toBe('2026-07-31T22:00:00.000Z');
    expect(slotRunsAt(2026, ReportPeriod.AUGUST).toISOString()).toBe('2026-08-01T06:00:00.000Z');
    expect(slotOpensAt(2026, ReportPeriod.DECEMBER).toISOString()).toBe('2026-11-30T23:00:00.000Z');
    expect(slotRunsAt(2026, ReportPeriod.DECEMBER).toISOString()).toBe('2026-12-01T07:00:00.000Z');
  });

  it('finds the slots that came due between the arming of the schedules and now', () => {
    const armed = new Date('2026-07-15T10:00:00Z');
    expect(slotsDue(armed, new Date('2026-08-01T05:59:59Z'))).toEqual([]);
    expect(slotsDue(armed, new Date('2026-08-01T06:00:00Z'))).toEqual([{ year: 2026, period: ReportPeriod.AUGUST }]);
    expect(slotsDue(armed, new Date('2026-12-04T09:00:00Z'))).toEqual([
      { year: 2026, period: ReportPeriod.AUGUST },
      { year: 2026, period: ReportPeriod.DECEMBER },
    ]);
    // Down for more than a year: every slot since, oldest first.
    expect(slotsDue(armed, new Date('2027-09-01T00:00:00Z'))).toEqual([
      { year: 2026, period: ReportPeriod.AUGUST },
      { year: 2026, period: ReportPeriod.DECEMBER },
      { year: 2027, period: ReportPeriod.AUGUST },
    ]);
    // A slot that ran before the schedules were armed was never this installation's.
    expect(slotsDue(new Date('2026-08-01T06:00:00Z'), new Date('2026-09-01T00:00:00Z'))).toEqual([]);
  });
});
