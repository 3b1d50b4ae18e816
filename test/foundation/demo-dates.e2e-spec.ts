import { DateTime } from 'luxon';
import { Event, EventKind, OccasionDate } from '@mangfold/calendar';
import { DEMO_ZONE, DemoSeeder, OCCASION_SLACK_DAYS, danishHolidays, planDemoEvents, type OccasionDatesOf } from '@mangfold/prisma-free-db';
import { startTestApp, type TestApp } from '../utils';

interface Placed {
  slug: string;
  kind: EventKind;
  occasion: string | null;
  start: DateTime;
  end: DateTime;
}

/** What is wrong with a demo event's day and hours, seen from `now` (empty when nothing is). */
function problemsOf(e: Placed, now: DateTime, datesOf: OccasionDatesOf): string[] {
  const start = e.start.setZone(DEMO_ZONE);
  const end = e.end.setZone(DEMO_ZONE);
  const day = start.toISODate()!;
  const problems: string[] = [];
  const say = (what: string) => problems.push(`${e.slug} on ${start.toFormat('cccc d LLLL yyyy HH:mm')}: ${what}`);
  if (end.toISODate() !== day) say('ends on another day');
  if (e.occasion) {
    const years = [now.year, now.year + 1];
    const near = years.some((year) => {
      const dates = datesOf(e.occasion!, year);
      if (!dates) return false;
      const from = DateTime.fromISO(dates.startsOn, { zone: DEMO_ZONE }).minus({ days: OCCASION_SLACK_DAYS });
      const to = DateTime.fromISO(dates.endsOn, { zone: DEMO_ZONE }).plus({ days: OCCASION_SLACK_DAYS, hours: 23 });
      return start >= from && start <= to;
    });
    if (!near) say(`not within ${OCCASION_SLACK_DAYS} days of ${e.occasion} in ${years.join(', ')}`);
  }
  switch (e.kind) {
    case EventKind.SEMINAR:
    case EventKind.NETWORK_MEETING:
      if (start.weekday > 5) say('a meeting at the weekend');
      if (danishHolidays(start.year).has(day)) say('a meeting on a public holiday');
      if ((start.month === 12 && start.day >= 24) || (start.month === 1 && start.day === 1)) say('a meeting in the Christmas break');
      if (start.hour < 9 || start.hour > 17 || end.hour > 20) say('a meeting outside working hours');
      break;
    case EventKind.INTERNATIONAL_DAY:
      if (start.weekday !== 6) say('International Day not on a Saturday');
      if (start.month !== 8 && start.month !== 9) say('International Day (outdoors) not in late summer');
      if (start.hour < 10 || start.hour > 12) say('International Day not starting in the morning');
      break;
    case EventKind.CULTURAL_EVENT:
      if (start.hour < 10 || start.hour > 19) say('a cultural event at an odd hour');
      if (!e.occasion && start.weekday <= 5 && start.hour < 17) say('a festival on a working day before work is over');
      break;
  }
  return problems;
}

function checkPlan(placed: Placed[], now: DateTime, datesOf: OccasionDatesOf): void {
  expect(placed.flatMap((e) => problemsOf(e, now, datesOf))).toEqual([]);
  const marking = placed.filter((e) => e.occasion);
  // Some occasions still to come (the calendar); those already marked are the archive.
  expect(marking.filter((e) => e.start > now).length).toBeGreaterThanOrEqual(4);
  expect(marking.filter((e) => e.end < now).length).toBeGreaterThanOrEqual(now.month >= 7 ? 5 : 0);
  expect(placed.find((e) => e.slug === 'seminar-projektledelse-frivillige')!.start > now).toBe(true);
  // The next International Day is still open for sign-up; the last one is the archive's.
  expect(placed.find((e) => e.slug === 'international-dag')!.start.minus({ days: 8 }) > now).toBe(true);
  expect(placed.find((e) => e.slug === 'international-dag-forrige')!.end < now).toBe(true);
}

describe('demo data on the dates of the occasions they mark', () => {
  let app: TestApp;
  let datesOf: OccasionDatesOf;
  beforeAll(async () => {
    app = await startTestApp();
    const rows = await app.em().find(OccasionDate, {}, { populate: ['occasion'] });
    const byKey = new Map(rows.map((d) => [`${d.occasion.slug} ${d.year}`, d]));
    datesOf = (slug, year) => byKey.get(`${slug} ${year}`);
  });
  afterAll(() => app.close());

  it('knows the Danish public holidays', () => {
    expect([...danishHolidays(2026)].sort()).toEqual([
      '2026-01-01',
      '2026-04-02',
      '2026-04-03',
      '2026-04-05',
      '2026-04-06',
      '2026-05-14',
      '2026-05-24',
      '2026-05-25',
      '2026-06-05',
      '2026-12-24',
      '2026-12-25',
      '2026-12-26',
      '2026-12-31',
    ]);
  });

  it('seeds every event on a fitting day today, with the postal town of its postal code', async () => {
    const now = DateTime.now().setZone(DEMO_ZONE);
    expect(await new DemoSeeder({ now: now.toJSDate() }).load(app.em())).toBe(true);
    const events = await app.em().find(Event, {}, { populate: ['occasion'] });
    const placed: Placed[] = events.map((e) => ({
      slug: e.slug,
      kind: e.kind,
      occasion: e.occasion?.slug ?? null,
      start: DateTime.fromJSDate(e.startsAt, { zone: e.timeZone }),
      end: DateTime.fromJSDate(e.endsAt, { zone: e.timeZone }),
    }));
    expect(placed.map((e) => e.slug).sort()).toEqual(
      planDemoEvents(now.toJSDate(), datesOf)
        .map((e) => e.slug)
        .sort(),
    );
    checkPlan(placed, now, datesOf);
    const towns: Record<string, string> = {
      '1550': 'København V',
      '2100': 'København Ø',
      '2200': 'København N',
      '2300': 'København S',
      '2400': 'København NV',
      '2500': 'Valby',
      '2700': 'Brønshøj',
    };
    for (const e of events)
      expect(`${e.location.postalCode} ${e.location.city}`).toBe(`${e.location.postalCode} ${towns[e.location.postalCode!]}`);
    expect(events.map((e) => e.location.address).join()).not.toMatch(/Arhus/);
  });

  // The reference data holds this year's and next year's occasion dates, so the fixed days are this year's.
  const year = DateTime.now().setZone(DEMO_ZONE).year;
  const on = (monthDayTime: string) => DateTime.fromISO(`${year}-${monthDayTime}`, { zone: DEMO_ZONE });

  it.each(['12-04T10:00', '03-01T09:00', '08-15T12:00', '01-02T08:00', '06-23T21:00'])(
    'places every event on a fitting day when seeded on %s this year',
    (monthDayTime) => {
      const now = on(monthDayTime);
      const plan = planDemoEvents(now.toJSDate(), datesOf);
      // With this year's and next year's dates in the table, no event is left out.
      expect(plan).toHaveLength(18);
      checkPlan(plan, now, datesOf);
    },
  );

  it('places them right on every day of the year', () => {
    const problems: string[] = [];
    for (let now = on('01-01T07:00'); now.year === year; now = now.plus({ days: 1, hours: 5 })) {
      problems.push(...planDemoEvents(now.toJSDate(), datesOf).flatMap((e) => problemsOf(e, now, datesOf)));
    }
    expect(problems).toEqual([]);
  });

  it('has marked the spring and summer occasions by the middle of August, each on its own dates', () => {
    const now = on('08-15T12:00');
    const held = planDemoEvents(now.toJSDate(), datesOf).filter((e) => e.occasion && e.end < now);
    expect(held.map((e) => e.occasion).sort()).toEqual(['eid-al-fitr', 'holi', 'holi', 'nowruz', 'sankt-hans']);
    for (const e of held) {
      const dates = datesOf(e.occasion!, year)!;
      expect({ slug: e.slug, inYear: e.start.year }).toEqual({ slug: e.slug, inYear: year });
      expect(e.start.toISODate()! >= DateTime.fromISO(dates.startsOn).minus({ days: OCCASION_SLACK_DAYS }).toISODate()!).toBe(true);
    }
  });
});
