import { createMember, createUser, TEST_PASSWORD } from '../factories';
import { cleanPage, dataOf, PortalClient, startTestApp, TestBrowser, type TestApp } from '../utils';

/** Password links, the addresses older mails carry, and status reports read in the browser. */
describe('portal: account and reports', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('answers a password-link request the same for a known and an unknown address', async () => {
    const user = await createUser(app.em());
    const known = await new PortalClient(app.url).post('/portal/forgot-password', { email: user.email });
    const unknown = await new PortalClient(app.url).post('/portal/forgot-password', { email: 'nobody@test.mangfold.local' });
    const strip = (html: string) => html.replace(/value="[^"]*@[^"]*"/g, '');
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(strip(await known.text())).toBe(strip(await unknown.text()));
    const bad = await new PortalClient(app.url).post('/portal/forgot-password', { email: 'not an email' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toMatch(/id="f-email-error">[^<]+</);
  });

  it.each([
    ['/login', '/portal/login'],
    ['/my/invitations', '/portal'],
    ['/admin/events/6b12a63a-e0f4-4ad9-9f6e-84c659a95665', '/portal/events/6b12a63a-e0f4-4ad9-9f6e-84c659a95665'],
    ['/my/events/6b12a63a-e0f4-4ad9-9f6e-84c659a95665', '/portal/events/6b12a63a-e0f4-4ad9-9f6e-84c659a95665'],
  ])('sends the older mail link %s to %s', async (from, to) => {
    const res = await fetch(`${app.url}${from}`, { redirect: 'manual' });
    expect([res.status, res.headers.get('location')]).toEqual([301, to]);
  });

  it('lets TFI read and download status reports with the session instead of a Bearer header, and nobody else', async () => {
    const token = await app.adminToken();
    const year = new Date().getUTCFullYear();
    const report = dataOf(await app.gql('mutation($y: Int!) { generateStatusReport(year: $y, period: AD_HOC) { id } }', { y: year }, token))
      .generateStatusReport as { id: string };
    const admin = await PortalClient.login(app.url, app.config.auth.adminEmail!, app.config.auth.adminPassword!);
    const list = await (await admin.get(`/portal/admin/reports?year=${year}`)).text();
    expect(list).toContain(`href="/reports/${report.id}"`);
    expect(list).toContain(`href="/reports/${report.id}.csv"`);
    const page = await admin.get(`/reports/${report.id}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const csv = await admin.get(`/reports/${report.id}.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');

    const { user } = await createMember(app);
    const member = await PortalClient.login(app.url, user.email, TEST_PASSWORD);
    expect((await member.get(`/reports/${report.id}`)).status).toBe(403);
    expect((await member.get('/portal/admin/reports')).status).toBe(403);
    expect((await new PortalClient(app.url).get(`/reports/${report.id}`)).status).toBe(401);

    const browser = await TestBrowser.launch();
    try {
      const site = await browser.context(app.url);
      expect(await site.check('/portal/forgot-password')).toEqual(cleanPage());
      await site.context.addCookies([{ name: 'mangfold_session', value: admin.cookie!.split('=')[1], url: app.url }]);
      expect({ ...(await site.check('/portal/admin/reports')), cookies: [] }).toEqual(cleanPage());
      await site.close();
    } finally {
      await browser.close();
    }
  }, 180_000);
});
