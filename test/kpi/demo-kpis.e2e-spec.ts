import { Association } from '@mangfold/associations';
import { DemoSeeder } from '@mangfold/prisma-free-db';
import { dataOf, startTestApp, type TestApp } from '../utils';
import { currentKpiYear } from '@mangfold/kpi';
import { adminToken } from './kpi-data';

describe('the demo data (npm start) in the playground', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    expect(await new DemoSeeder().load(app.em())).toBe(true);
  }, 120_000);
  afterAll(() => app.close(), 120_000);

  it('shows this year partly met, partly on track, without counting the embassy', async () => {
    const year = currentKpiYear();
    const kpis = dataOf(
      await app.gql(
        `query($year: Int!) { kpis(year: $year) { key actual planned answers status contributors { slug state } } }`,
        { year },
        await adminToken(app),
      ),
    ).kpis as {
      key: string;
      actual: number;
      planned: number;
      answers: number;
      status: string;
      contributors: { slug: string; state: string }[];
    }[];
    const byKey = Object.fromEntries(kpis.map((k) => [k.key, k]));
    const involved = byKey['associations-involved'];
    expect(involved).toMatchObject({ actual: 4, status: 'MET' });
    expect(
      involved.contributors
        .filter((c) => c.state === 'HELD')
        .map((c) => c.slug)
        .sort(),
    ).toEqual(['amager-frivilligcenter', 'mjolnerparkens-beboerforening', 'tingbjerg-ungdomsklub', 'valby-kulturbro']);
    const embassy = await app.em().findOneOrFail(Association, { slug: 'indiens-ambassade' });
    expect(involved.contributors.map((c) => c.slug)).not.toContain(embassy.slug);
    expect(byKey['satisfaction-rate']).toMatchObject({ actual: 0.75, answers: 12, status: 'MET' });
    expect(byKey.attendance.actual).toBe(14);
    for (const key of ['seminars-held', 'network-meetings-held', 'voluntary-initiatives']) {
      expect({ key, actual: byKey[key].actual, status: byKey[key].status }).toEqual({ key, actual: 1, status: 'ON_TRACK' });
    }
    // The demo's themed events feed the work plan's KPIs.
    expect(byKey['crime-prevention-events']).toMatchObject({ actual: 1, status: 'MET' });
    expect(byKey['project-management-seminars'].actual).toBe(1);
    expect(byKey['employment-network-events'].actual).toBe(0);
    expect(byKey['employment-network-events'].contributors.map((c) => c.slug)).toContain('netvaerksmoede-beskaeftigelse');
  });
});
