import { KpiStatus, kpiStatus, type KpiFigures } from './kpi-status';

const count = (target: number | null, actual: number, planned: number, yearOver = false): KpiFigures => ({
  aggregate: 'count',
  target,
  actual,
  planned,
  answers: null,
  yearOver,
});
const rate = (target: number | null, actual: number | null, answers: number, yearOver = false): KpiFigures => ({
  aggregate: 'rate',
  target,
  actual,
  planned: null,
  answers,
  yearOver,
});

describe('kpiStatus (KPIS.md)', () => {
  it('is MET when held reaches the target, also after the year', () => {
    expect(kpiStatus(count(4, 4, 0))).toBe(KpiStatus.MET);
    expect(kpiStatus(count(4, 5, 0, true))).toBe(KpiStatus.MET);
    expect(kpiStatus(count(0, 0, 0))).toBe(KpiStatus.MET);
  });

  it('is ON_TRACK when held + planned reaches it, AT_RISK when not, while the year runs', () => {
    expect(kpiStatus(count(4, 3, 1))).toBe(KpiStatus.ON_TRACK);
    expect(kpiStatus(count(4, 0, 7))).toBe(KpiStatus.ON_TRACK);
    expect(kpiStatus(count(4, 2, 1))).toBe(KpiStatus.AT_RISK);
  });

  it('is MISSED once the year is over and held fell short, planned or not', () => {
    expect(kpiStatus(count(4, 3, 1, true))).toBe(KpiStatus.MISSED);
    expect(kpiStatus(count(1, 0, 0, true))).toBe(KpiStatus.MISSED);
  });

  it('has NO_TARGET while TFI has not set one', () => {
    expect(kpiStatus(count(null, 10, 0))).toBe(KpiStatus.NO_TARGET);
    expect(kpiStatus(rate(null, 1, 20))).toBe(KpiStatus.NO_TARGET);
  });

  it('meets a rate only with at least 10 answers; 2/3 reaches 0.667', () => {
    expect(kpiStatus(rate(0.667, 2 / 3, 12))).toBe(KpiStatus.MET);
    expect(kpiStatus(rate(0.667, 0.7, 10))).toBe(KpiStatus.MET);
    expect(kpiStatus(rate(0.667, 8 / 12, 12))).toBe(KpiStatus.MET);
    expect(kpiStatus(rate(0.667, 0.666, 30))).toBe(KpiStatus.AT_RISK);
    expect(kpiStatus(rate(0.667, 19 / 29, 29))).toBe(KpiStatus.AT_RISK);
    // Satisfied enough, too few answers yet.
    expect(kpiStatus(rate(0.667, 1, 9))).toBe(KpiStatus.ON_TRACK);
    expect(kpiStatus(rate(0.667, null, 0))).toBe(KpiStatus.AT_RISK);
    expect(kpiStatus(rate(0.667, 1, 9, true))).toBe(KpiStatus.MISSED);
    expect(kpiStatus(rate(0.667, 0.5, 40, true))).toBe(KpiStatus.MISSED);
    expect(kpiStatus(rate(0.667, 0.8, 40, true))).toBe(KpiStatus.MET);
  });
});
