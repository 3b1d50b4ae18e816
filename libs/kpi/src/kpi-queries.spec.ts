import { KpiDimension } from './kpi.types';
import { CONTRIBUTORS_SQL, INVOLVEMENT_SQL, VALUES_SQL, bindYear, breakdownSql } from './kpi-queries';

describe('KPI statements', () => {
  const values = {
    y0: new Date('2025-12-31T23:00:00Z'),
    y1: new Date('2026-12-31T23:00:00Z'),
    at: new Date('2026-06-01T00:00:00Z'),
    yr: 2026,
  };

  it('binds every named parameter, in order, and leaves casts alone', () => {
    const [sql, params] = bindYear(`select @y0, x::text, @at, @yr, @y1, @y0 -- @attendance`, values);
    expect(sql).toBe(
      'select cast(? as timestamptz), x::text, cast(? as timestamptz), cast(? as integer), cast(? as timestamptz), cast(? as timestamptz) -- @attendance',
    );
    expect(params).toEqual([values.y0, values.at, values.yr, values.y1, values.y0]);
  });

  it('leaves no named parameter unbound in any statement', () => {
    for (const sql of [VALUES_SQL, CONTRIBUTORS_SQL, INVOLVEMENT_SQL, ...Object.values(KpiDimension).map(breakdownSql)]) {
      const [text, params] = bindYear(sql, values);
      expect(text).not.toMatch(/@(y0|y1|at|yr)\b/);
      expect(params.length).toBe((text.match(/\?/g) ?? []).length);
    }
  });
});
