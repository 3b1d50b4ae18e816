import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import { DateTime } from 'luxon';
import { Association } from '@mangfold/associations';
import { DemoSeeder } from '@mangfold/prisma-free-db';
import { KpiService, currentKpiYear } from '@mangfold/kpi';
import { startTestApp, type TestApp } from '../utils';

/*
 * The demo's events sit on their occasions' dates, so the year's picture depends on the day: seeded
 * (and read) on 4 December, the spring and summer occasions have been marked and the year's last
 * seminar and meeting are still to come.
 */
describe('the demo data (npm start) in the KPIs', () => {
  const year = currentKpiYear();
  const at = DateTime.fromObject({ year, month: 12, day: 4, hour: 10 }, { zone: 'Europe/Copenhagen' }).toJSDate();
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    expect(await new DemoSeeder({ now: at }).load(app.em())).toBe(true);
  }, 120_000);
  afterAll(() => app.close(), 120_000);

  it('shows the year partly met, partly on track, without counting the embassy', async () => {
    const service = app.api.get(KpiService);
    const [kpis, contributors] = await RequestContext.create(
      app.api.get(MikroORM).em,
      async () => [await service.kpis(year, at), await service.contributors(year, at)] as const,
    );
    const byKey = Object.fromEntries(kpis.map((k) => [k.key, k]));
    expect(byKey['associations-involved']).toMatchObject({ actual: 4, status: 'MET' });
    const involved = contributors.get('associations-involved')!;
    expect(
      involved
        .filter((c) => c.state === 'HELD')
        .map((c) => c.slug)
        .sort(),
    ).toEqual(['amager-frivilligcenter', 'mjoelnerparkens-beboerforening', 'tingbjerg-ungdomsklub', 'valby-kulturbro']);
    const embassy = await app.em().findOneOrFail(Association, { slug: 'indiens-ambassade' });
    expect(involved.map((c) => c.slug)).not.toContain(embassy.slug);
    expect(byKey['satisfaction-rate']).toMatchObject({ actual: 0.75, answers: 12, status: 'MET' });
    expect(byKey.attendance.actual).toBe(14);
    // The year's International Day, on the last Saturday of August, was held with three confirmed participants.
    expect(byKey['international-day-held']).toMatchObject({ actual: 1, status: 'MET' });
    expect(byKey['international-day-participants'].actual).toBe(3);
    for (const key of ['seminars-held', 'network-meetings-held', 'voluntary-initiatives']) {
      expect({ key, actual: byKey[key].actual, status: byKey[key].status }).toEqual({ key, actual: 1, status: 'ON_TRACK' });
    }
    // The demo's themed events feed the work plan's KPIs.
    expect(byKey['crime-prevention-events']).toMatchObject({ actual: 1, status: 'MET' });
    expect(byKey['project-management-seminars'].actual).toBe(1);
    expect(byKey['employment-network-events'].actual).toBe(0);
    expect(contributors.get('employment-network-events')!.map((c) => c.slug)).toContain('netvaerksmoede-beskaeftigelse');
  });
});
