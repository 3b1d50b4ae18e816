import { DateTime } from 'luxon';

/*
 * When the demo events fall. Events that mark an occasion sit on (or a few days from) that
 * occasion's dates in the occasion table; the rest sit on days people would hold them: seminars
 * and network meetings on working days, festivals at weekends, International Day outdoors on the
 * last Saturday of August. Everything is a function of "now", so the demo never goes stale and a
 * test can replay any day of the year.
 */

export const DEMO_ZONE = 'Europe/Copenhagen';

/** How far from an occasion's dates an event marking it may be held (a weekend near a weekday feast). */
export const OCCASION_SLACK_DAYS = 3;

/** An occasion's inclusive local dates in a year, or undefined when the table has none for it. */
export type OccasionDatesOf = (slug: string, year: number) => { startsOn: string; endsOn: string } | undefined;

export type DayRule = 'working-day' | 'weekend';

export type DemoTiming =
  /**
   * The occasion's first day (`day`), or the weekend day nearest its dates (`weekend`): this year's,
   * held or not (the archive and the year's KPIs), or the next one still to come (the calendar).
   */
  | { occasion: string; edition: 'this-year' | 'next'; on: 'day' | 'weekend' }
  /** Some days from today, moved forward to the next day that fits `days`. */
  | { inDays: number; days: DayRule }
  /**
   * A day this year, for the KPI picture: `at` (0–1) of the way through the days already past
   * (`held`) or still to come (`planned`), moved to the nearest day that fits `days` on the same side of today.
   */
  | { thisYear: 'held' | 'planned'; at: number; days: DayRule }
  /** The next International Day whose sign-up is still open (it closes a week before), or the last one held. */
  | { internationalDay: 'next' | 'last' };

function easterSunday(year: number): DateTime {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return DateTime.fromObject({ year, month, day }, { zone: DEMO_ZONE });
}

/**
 * Danish public holidays and the days most workplaces close (Christmas Eve, New Year's Eve,
 * Constitution Day), as ISO dates. Great Prayer Day was abolished from 2024.
 */
export function danishHolidays(year: number): ReadonlySet<string> {
  let days = holidaysByYear.get(year);
  if (!days) {
    const easter = easterSunday(year);
    const movable = [-3, -2, 0, 1, 39, 49, 50].map((d) => easter.plus({ days: d }).toISODate()!);
    days = new Set([`${year}-01-01`, ...movable, `${year}-06-05`, `${year}-12-24`, `${year}-12-25`, `${year}-12-26`, `${year}-12-31`]);
    holidaysByYear.set(year, days);
  }
  return days;
}
const holidaysByYear = new Map<number, ReadonlySet<string>>();

const isWeekend = (day: DateTime): boolean => day.weekday >= 6;

/** Between Christmas Eve and New Year's Day nobody holds a seminar, holiday or not. */
const inChristmasBreak = (day: DateTime): boolean => (day.month === 12 && day.day >= 24) || (day.month === 1 && day.day === 1);

export function fitsDayRule(day: DateTime, rule: DayRule): boolean {
  if (danishHolidays(day.year).has(day.toISODate()!)) return false;
  switch (rule) {
    case 'working-day':
      return !isWeekend(day) && !inChristmasBreak(day);
    case 'weekend':
      return isWeekend(day);
  }
}

function step(day: DateTime, rule: DayRule, direction: 1 | -1): DateTime {
  let d = day;
  while (!fitsDayRule(d, rule)) d = d.plus({ days: direction });
  return d;
}

/** The weekend day closest to the occasion's dates (inside them if there is one), the later one on a tie. */
function nearestWeekend(startsOn: DateTime, endsOn: DateTime): DateTime | undefined {
  let best: { day: DateTime; distance: number } | undefined;
  for (let d = startsOn.minus({ days: OCCASION_SLACK_DAYS }); d <= endsOn.plus({ days: OCCASION_SLACK_DAYS }); d = d.plus({ days: 1 })) {
    if (!fitsDayRule(d, 'weekend')) continue;
    const distance = d < startsOn ? startsOn.diff(d, 'days').days : d > endsOn ? d.diff(endsOn, 'days').days : 0;
    if (!best || distance <= best.distance) best = { day: d, distance };
  }
  return best?.day;
}

/** The last Saturday of August: the summer holidays are over and it is still warm enough to stand outside. */
export function internationalDayOf(year: number): DateTime {
  const lastOfAugust = DateTime.fromObject({ year, month: 8, day: 31 }, { zone: DEMO_ZONE });
  return lastOfAugust.minus({ days: (lastOfAugust.weekday + 1) % 7 });
}

/**
 * The local day an event with this timing falls on, seen from `now`, for an event starting at
 * `hour`; undefined when the occasion table (this year and the next) has no dates for it.
 */
export function demoDay(timing: DemoTiming, now: DateTime, hour: number, datesOf: OccasionDatesOf): DateTime | undefined {
  const today = now.setZone(DEMO_ZONE).startOf('day');
  if ('occasion' in timing) {
    const years = timing.edition === 'this-year' ? [today.year] : [today.year, today.year + 1];
    for (const year of years) {
      const dates = datesOf(timing.occasion, year);
      if (!dates) continue;
      const startsOn = DateTime.fromISO(dates.startsOn, { zone: DEMO_ZONE });
      const day = timing.on === 'day' ? startsOn : nearestWeekend(startsOn, DateTime.fromISO(dates.endsOn, { zone: DEMO_ZONE }));
      if (!day) continue;
      const start = day.set({ hour });
      if (timing.edition === 'this-year' || start > now) return day;
    }
    return undefined;
  }
  if ('inDays' in timing) return step(today.plus({ days: timing.inDays }), timing.days, 1);
  if ('thisYear' in timing) {
    if (timing.thisYear === 'held') {
      const past = Math.floor(today.diff(today.startOf('year'), 'days').days);
      return step(today.minus({ days: Math.max(1, past - Math.floor(timing.at * past)) }), timing.days, -1);
    }
    const ahead = Math.floor(today.endOf('year').diff(today, 'days').days);
    return step(today.plus({ days: Math.max(1, Math.min(ahead, Math.ceil(timing.at * ahead))) }), timing.days, 1);
  }
  const thisYears = internationalDayOf(today.year);
  if (timing.internationalDay === 'last') return thisYears < today ? thisYears : internationalDayOf(today.year - 1);
  return thisYears.minus({ days: 8 }) > today ? thisYears : internationalDayOf(today.year + 1);
}
