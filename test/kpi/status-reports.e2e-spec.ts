import { EventStatus, Event } from '@mangfold/calendar';
import { StatusReport, mailedReportUrl } from '@mangfold/kpi';
import { createMember } from '../factories';
import { dataOf, errorOf, startTestApp, type TestApp } from '../utils';
import { adminToken, buildKpiYear } from './kpi-data';

const REPORT_FIELDS = `id year period trigger generatedAt generatedBy recipients htmlUrl csvUrl
  kpis { key target actual planned answers status contributors { id state name } breakdown(by: DISTRICT) { key actual planned } }
  associationsInvolved { held planned associations { association { id } events { id } } followUp { association { id } } }`;

const GENERATE = `mutation($year: Int!, $period: ReportPeriod!) { generateStatusReport(year: $year, period: $period) { ${REPORT_FIELDS} } }`;
const LIVE = `query($year: Int!) { kpis(year: $year) { key target actual planned answers status contributors { id state name } breakdown(by: DISTRICT) { key actual planned } } }`;

describe('status reports', () => {
  let app: TestApp;
  let token: string;
  let data: Awaited<ReturnType<typeof buildKpiYear>>;
  let year: number;
  let report: Record<string, any>;

  beforeAll(async () => {
    app = await startTestApp({ env: { REPORT_RECIPIENTS: 'tfi@test.mangfold.local, udvalg@test.mangfold.local' } });
    token = await adminToken(app);
    data = await buildKpiYear(app.em());
    year = data.year;
    report = dataOf(await app.gql(GENERATE, { year, period: 'AD_HOC' }, token)).generateStatusReport;
  }, 120_000);
  afterAll(() => app.close(), 120_000);

  const notifications = async () =>
    (
      await app
        .em()
        .getConnection()
        .execute<{ job_id: string; payload: { kind: string; reportId: string } }[]>(
          `select job_id, payload from outbox_message where name = 'notify' and payload->>'kind' = 'status-report' order by id`,
        )
    ).map((r) => r.payload.reportId);

  it('stores every KPI with its contributors as the live query shows them, and queues the mail', async () => {
    const live = dataOf(await app.gql(LIVE, { year }, token)).kpis;
    expect(report).toMatchObject({
      year,
      period: 'AD_HOC',
      trigger: 'ADMIN',
      generatedBy: app.config.auth.adminEmail,
      recipients: ['tfi@test.mangfold.local', 'udvalg@test.mangfold.local'],
      htmlUrl: `http://mangfold.test/reports/${report.id}.html`,
      csvUrl: `http://mangfold.test/reports/${report.id}.csv`,
    });
    expect(report.kpis).toEqual(live);
    expect(report.associationsInvolved.held).toBe(4);
    expect(report.associationsInvolved.followUp).toHaveLength(2);
    expect(await notifications()).toEqual([report.id]);
  });

  it('never changes once made: later edits and targets show live, not in the report', async () => {
    const em = app.em();
    const c3 = await em.findOneOrFail(Event, data.events.c1.id);
    c3.status = EventStatus.CANCELLED;
    c3.cancelledAt = new Date();
    await em.flush();
    dataOf(
      await app.gql(
        `mutation($year: Int!) { setKpiTarget(key: "associations-involved", year: $year, target: 10) { key } }`,
        { year },
        token,
      ),
    );
    const live = dataOf(await app.gql(LIVE, { year }, token)).kpis;
    // Cancelling c1 drops a3 (only there); a1 still has c3.
    expect(live[0]).toMatchObject({ actual: 3, target: 10, status: 'AT_RISK' });
    const [stored] = dataOf(
      await app.gql(`query($year: Int!) { statusReports(year: $year) { ${REPORT_FIELDS} } }`, { year }, token),
    ).statusReports;
    expect(stored).toEqual(report);
    expect(stored.kpis[0]).toMatchObject({ actual: 4, target: 4, status: 'MET' });
  });

  it('makes a scheduled slot once: a second request is a CONFLICT naming the report, a slot not yet open is refused', async () => {
    const first = dataOf(await app.gql(GENERATE, { year: year - 1, period: 'DECEMBER' }, token)).generateStatusReport;
    expect(first).toMatchObject({ year: year - 1, period: 'DECEMBER' });
    // Its figures are those of its cut-off, 1 December: the New Year's Eve event was still planned then.
    expect(first.kpis[0]).toMatchObject({ key: 'associations-involved', actual: 0, planned: 1, status: 'AT_RISK' });
    const again = errorOf(await app.gql(GENERATE, { year: year - 1, period: 'DECEMBER' }, token));
    expect(again.extensions).toMatchObject({ code: 'CONFLICT', reportId: first.id });

    const early = errorOf(await app.gql(GENERATE, { year: year + 1, period: 'AUGUST' }, token));
    expect(early.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { period: expect.stringContaining('1 August') } });
    const badYear = errorOf(await app.gql(GENERATE, { year: 1990, period: 'AD_HOC' }, token));
    expect(badYear.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { year: expect.any(String) } });
    expect(await app.em().count(StatusReport, { year: { $in: [year + 1, 1990] } })).toBe(0);

    const list = dataOf(await app.gql(`query($year: Int!) { statusReports(year: $year) { id } }`, { year: year - 1 }, token)).statusReports;
    expect(list).toEqual([{ id: first.id }]);
    expect(await notifications()).toEqual([report.id, first.id]);
  });

  it('serves the printable page and the CSV to admins only', async () => {
    const member = await createMember(app);
    const get = (path: string, bearer?: string) =>
      fetch(`${app.url}${path}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });

    const anonymous = await get(`/reports/${report.id}`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
    expect((await anonymous.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await get(`/reports/${report.id}`, member.token)).status).toBe(403);
    expect((await get(`/reports/00000000-0000-4000-8000-000000000000`, token)).status).toBe(404);
    expect((await get(`/reports/not-a-report`, token)).status).toBe(404);

    const html = await get(`/reports/${report.id}`, token);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await html.text();
    expect(page).toContain(`Statusrapport ${year} (ekstra)`);
    expect(page).toContain('Lokale foreninger med kulturelle arrangementer');
    expect(page).toContain('Beta Projekt');
    expect(page).toContain('Kappa Planlagt');
    expect(page).not.toContain('Ambassade Eta');
    const english = await (await get(`/reports/${report.id}.html?lang=en`, token)).text();
    expect(english).toContain(`Status report ${year} (ad hoc)`);
    expect(english).toContain('70.0%');

    const csv = await get(`/reports/${report.id}.csv`, token);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="mangfold-status-report-\d{4}-ad-hoc-[\d-]+\.csv"$/);
    const lines = (await csv.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'section,kpi,title,unit,target,actual,planned,answers,status,dimension,group,item_type,item_id,item_slug,item_name,item_kind,state,starts_at,count,satisfied,association',
    );
    const kpiRows = lines.filter((l) => l.startsWith('KPI,'));
    // Every KPI of KPIS.md, the work plan's included.
    expect(kpiRows).toHaveLength(14);
    expect(kpiRows[0]).toBe('KPI,associations-involved,Lokale foreninger med kulturelle arrangementer,ASSOCIATIONS,4,4,1,,MET,,,,,,,,,,,,');
    expect(kpiRows[6]).toBe('KPI,satisfaction-rate,Tilfredshed,RATE,0.667,0.7,,10,MET,,,,,,,,,,,,');
    const a2 = data.associations.a2;
    expect(lines).toContain(
      `CONTRIBUTOR,associations-involved,Lokale foreninger med kulturelle arrangementer,,,,,,,,,ASSOCIATION,${a2.id},${a2.slug},Beta Projekt,PROJECT,HELD,,,,`,
    );
    expect(lines.filter((l) => l.startsWith('INVOLVED,'))).toHaveLength(5);
    expect(lines.filter((l) => l.startsWith('FOLLOW_UP,'))).toHaveLength(3);
  });

  it("opens one report to the mailed link's key, without an account, and nothing else", async () => {
    const member = await createMember(app);
    const link = new URL(mailedReportUrl(app.url, app.config.auth.jwtSecret, report.id));
    const key = link.searchParams.get('key')!;
    const other = dataOf(await app.gql(GENERATE, { year, period: 'AD_HOC' }, token)).generateStatusReport;

    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(page.headers.get('x-robots-tag')).toBe('noindex');
    expect(page.headers.get('cache-control')).toBe('private, max-age=3600');
    expect(await page.text()).toContain(`Statusrapport ${year} (ekstra)`);
    const csv = await fetch(`${app.url}/reports/${report.id}.csv?lang=en&key=${key}`);
    expect(csv.status).toBe(200);
    expect((await csv.text()).split('\r\n')[1]).toContain('Local associations running cultural events');

    const refused = async (path: string, bearer?: string) => {
      const res = await fetch(`${app.url}${path}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
      return { status: res.status, code: ((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code };
    };
    // Another report's key, a changed key, and a key for an id that does not exist open nothing.
    expect(await refused(`/reports/${other.id}?key=${key}`)).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    expect(await refused(`/reports/${report.id}?key=${key.slice(0, -2)}AA`)).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    expect(await refused(`/reports/00000000-0000-4000-8000-000000000000?key=${key}`)).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    // A member with a wrong key is still no admin.
    expect(await refused(`/reports/${other.id}?key=${key}`, member.token)).toEqual({ status: 403, code: 'FORBIDDEN' });
    // An expired key (made 400 days ago).
    const old = new URL(mailedReportUrl(app.url, app.config.auth.jwtSecret, report.id, new Date(Date.now() - 400 * 86_400_000 - 1000)));
    expect(await refused(`${old.pathname}${old.search}`)).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
  });
});
