import { DateTime } from 'luxon';
import { BadUserInputError } from '@mangfold/graphql';

/** KPIs count calendar years in Copenhagen, whatever zone an event was entered in (KPIS.md). */
export const KPI_ZONE = 'Europe/Copenhagen';
export const FIRST_KPI_YEAR = 2000;
/** How far ahead targets may be set and asked for; further years would only fill the table with copies. */
export const KPI_YEARS_AHEAD = 10;

export interface YearBounds {
  year: number;
  /** Local midnight starting 1 January, as an instant. */
  start: Date;
  /** Local midnight starting 1 January of the next year. */
  end: Date;
}

export function yearBounds(year: number): YearBounds {
  const start = DateTime.fromObject({ year, month: 1, day: 1 }, { zone: KPI_ZONE });
  return { year, start: start.toJSDate(), end: start.plus({ years: 1 }).toJSDate() };
}

export function currentKpiYear(now: Date = new Date()): number {
  return DateTime.fromJSDate(now, { zone: KPI_ZONE }).year;
}

/** Refuses years no KPI can describe, naming the argument. */
export function assertKpiYear(year: number, now: Date = new Date(), field = 'year'): void {
  const last = currentKpiYear(now) + KPI_YEARS_AHEAD;
  if (!Number.isInteger(year) || year < FIRST_KPI_YEAR || year > last) {
    throw BadUserInputError.field(field, `must be a year from ${FIRST_KPI_YEAR} to ${last}`);
  }
}
