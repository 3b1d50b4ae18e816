import { type Association } from '@mangfold/associations';
import { JobName, OutboxMessage } from '@mangfold/jobs';
import { type InternationalDay, Participation, ParticipationStatus } from '@mangfold/registrations';
import { createInternationalDay, createMember, createParticipation, TEST_PASSWORD } from '../factories';
import { cleanPage, PortalClient, startTestApp, TestBrowser, type TestApp } from '../utils';

/** International Day in the portal: an association signs up, TFI confirms or declines, the public page shows who takes part. */
describe('portal: International Day', () => {
  let app: TestApp;
  let day: InternationalDay;
  let association: Association;
  let volunteer: PortalClient;
  let outsider: PortalClient;
  let admin: PortalClient;

  beforeAll(async () => {
    app = await startTestApp();
    day = await createInternationalDay(app.em(), { standCapacity: 5 });
    const mine = await createMember(app);
    const theirs = await createMember(app);
    association = mine.association;
    volunteer = await PortalClient.login(app.url, mine.user.email, TEST_PASSWORD);
    outsider = await PortalClient.login(app.url, theirs.user.email, TEST_PASSWORD);
    admin = await PortalClient.login(app.url, app.config.auth.adminEmail!, app.config.auth.adminPassword!);
  });

  afterAll(async () => {
    await app?.close();
  });

  const signUpPath = () => `/portal/associations/${association.id}/international-day`;
  const adminPath = () => `/portal/admin/international-day?year=${day.year}`;
  const participationsOf = (associationId: string) => app.em().find(Participation, { association: associationId });
  const notifyKinds = async (participationId: string) =>
    (await app.em().find(OutboxMessage, { name: JobName.Notify }))
      .map((m) => m.payload as { kind: string; participationId?: string })
      .filter((p) => p.participationId === participationId)
      .map((p) => p.kind);

  /** The form as a browser sends it: unticked checkboxes are left out. */
  const unticked = (form: Record<string, string>, ...names: string[]): Record<string, string> =>
    Object.fromEntries(Object.entries(form).filter(([key]) => !names.includes(key)));

  const signUpForm = (over: Record<string, string> = {}): Record<string, string> => ({
    'activity-STAND': 'on',
    'activity-PERFORMANCE': 'on',
    representatives: '4',
    tables: '2',
    needsPower: 'on',
    performanceMinutes: '15',
    notes: 'Vi danser folkedans kl. 14.',
    contactName: 'Amina Hassan',
    contactEmail: 'Amina@Forening.example',
    contactPhone: '+45 12 34 56 78',
    ...over,
  });

  it('shows the day and the form, says so in the overview, and keeps the input beside each problem', async () => {
    const overview = await (await volunteer.get('/portal')).text();
    expect(overview).toContain(`href="${signUpPath()}"`);
    expect(overview).toContain(`International Dag ${day.year}`);
    expect(overview).toContain('ikke tilmeldt');
    const page = await volunteer.get(signUpPath());
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('name="activity-FOOD"');

    const csrf = await volunteer.csrfToken(signUpPath());
    const none = await volunteer.post(signUpPath(), {
      ...unticked(signUpForm({ representatives: '0' }), 'activity-STAND', 'activity-PERFORMANCE'),
      _csrf: csrf,
    });
    expect(none.status).toBe(422);
    const html = await none.text();
    expect(html).toMatch(/id="f-activities-error">choose at least one activity</);
    expect(html).toMatch(/id="f-representatives-error">must be at least 1</);
    expect(html).toContain('value="Amina Hassan"');
    expect(html).toContain('Vi danser folkedans kl. 14.</textarea>');

    // Rules the service checks (food needs the hygiene promise) show beside their field too.
    const food = await volunteer.post(signUpPath(), {
      ...unticked(signUpForm({ 'activity-FOOD': 'on', performanceMinutes: '' }), 'activity-PERFORMANCE'),
      _csrf: csrf,
    });
    expect(food.status).toBe(422);
    const foodHtml = await food.text();
    expect(foodHtml).toMatch(/id="f-foodHygieneConfirmed-error">must be confirmed when serving food</);
    expect(foodHtml).toMatch(/id="f-activity-FOOD"[^>]*checked/);
    expect(await participationsOf(association.id)).toHaveLength(0);
  });

  it('signs the association up as pending, with the receipt mail, once', async () => {
    const csrf = await volunteer.csrfToken(signUpPath());
    const res = await volunteer.post(signUpPath(), {
      ...unticked(signUpForm({ performanceMinutes: '' }), 'activity-PERFORMANCE'),
      _csrf: csrf,
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${signUpPath()}?done=registered`);
    const [participation] = await participationsOf(association.id);
    expect({
      status: participation.status,
      activities: participation.activities,
      tables: participation.tables,
      needsPower: participation.needsPower,
      contactEmail: participation.contactEmail,
    }).toEqual({
      status: ParticipationStatus.PENDING,
      activities: ['STAND'],
      tables: 2,
      needsPower: true,
      contactEmail: 'amina@forening.example',
    });
    expect(await notifyKinds(participation.id)).toEqual(['participation-received']);

    const page = await (await volunteer.get(res.headers.get('location')!)).text();
    expect(page).toContain('tilmeldt, venter på svar fra TFI');
    expect(page).not.toContain('name="activity-STAND"');
    expect(await (await volunteer.get('/portal')).text()).toContain('tilmeldt, venter på svar fra TFI');

    const again = await volunteer.post(signUpPath(), { ...signUpForm(), _csrf: csrf });
    expect(again.status).toBe(422);
    expect(await again.text()).toContain('is already registered for International Day');
    expect(await participationsOf(association.id)).toHaveLength(1);
  });

  it('refuses a member of another association the page and the form, and changes nothing', async () => {
    const csrf = await outsider.csrfToken();
    expect((await outsider.get(signUpPath())).status).toBe(404);
    expect((await outsider.post(signUpPath(), { ...signUpForm(), _csrf: csrf })).status).toBe(404);
    expect(await participationsOf(association.id)).toHaveLength(1);
  });

  it("refuses members TFI's list and its decisions", async () => {
    const [participation] = await participationsOf(association.id);
    const csrf = await volunteer.csrfToken();
    expect((await volunteer.get(adminPath())).status).toBe(403);
    for (const action of ['confirm', 'decline']) {
      const res = await volunteer.post(`/portal/admin/international-day/participations/${participation.id}/${action}`, {
        _csrf: csrf,
        year: String(day.year),
        reason: 'Ingen plads',
      });
      expect({ action, status: res.status }).toEqual({ action, status: 403 });
    }
    expect((await app.em().findOneOrFail(Participation, participation.id)).status).toBe(ParticipationStatus.PENDING);
  });

  it('changes nothing for a decision without its token or from another site', async () => {
    const [participation] = await participationsOf(association.id);
    const path = `/portal/admin/international-day/participations/${participation.id}/confirm`;
    const csrf = await admin.csrfToken(adminPath());
    expect((await admin.post(path, { year: String(day.year) })).status).toBe(303);
    expect((await admin.post(path, { year: String(day.year), _csrf: csrf }, { origin: 'https://evil.example' })).status).toBe(303);
    expect((await app.em().findOneOrFail(Participation, participation.id)).status).toBe(ParticipationStatus.PENDING);
  });

  it('lets TFI confirm, shown on the public page and in the overview, and decline with a reason beside its field', async () => {
    const [participation] = await participationsOf(association.id);
    const other = await createParticipation(app.em(), day);
    const list = await admin.get(adminPath());
    expect(list.status).toBe(200);
    const html = await list.text();
    expect(html).toContain(association.name);
    expect(html).toContain(other.organisationName!);
    expect(html).toContain('amina@forening.example');
    expect(html).toContain('Stande: 0 af 5 optaget.');

    const before = await (await fetch(`${app.url}/international-dag/${day.year}`)).text();
    expect(before).not.toContain(association.name);
    const csrf = await admin.csrfToken(adminPath());
    const confirmed = await admin.post(`/portal/admin/international-day/participations/${participation.id}/confirm`, {
      _csrf: csrf,
      year: String(day.year),
    });
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('location')).toBe(`${adminPath()}&done=confirmed`);
    expect((await app.em().findOneOrFail(Participation, participation.id)).status).toBe(ParticipationStatus.CONFIRMED);
    expect(await notifyKinds(participation.id)).toContain('participation-confirmed');
    expect(await (await fetch(`${app.url}/international-dag/${day.year}`)).text()).toContain(association.name);
    expect(await (await volunteer.get('/portal')).text()).toMatch(/International Dag \d{4}[\s\S]*bekræftet/);
    expect(await (await admin.get(adminPath())).text()).toContain('Stande: 1 af 5 optaget.');

    const declinePath = `/portal/admin/international-day/participations/${other.id}/decline`;
    const blank = await admin.post(declinePath, { _csrf: csrf, year: String(day.year), reason: ' ' });
    expect(blank.status).toBe(422);
    expect(await blank.text()).toMatch(new RegExp(`id="f-decline-${other.id}-error">must be 2 to 1000 characters<`));
    expect((await app.em().findOneOrFail(Participation, other.id)).status).toBe(ParticipationStatus.PENDING);
    const declined = await admin.post(declinePath, { _csrf: csrf, year: String(day.year), reason: 'Ingen ledige stande' });
    expect(declined.status).toBe(303);
    const after = await app.em().findOneOrFail(Participation, other.id);
    expect([after.status, after.statusReason]).toEqual([ParticipationStatus.DECLINED, 'Ingen ledige stande']);
    expect(await notifyKinds(other.id)).toContain('participation-declined');
  });

  it('passes axe on the sign-up page (form and status) and on TFI’s list, and signs up in a browser without JavaScript', async () => {
    const fresh = await createMember(app);
    const client = await PortalClient.login(app.url, fresh.user.email, TEST_PASSWORD);
    const browser = await TestBrowser.launch();
    try {
      const site = await browser.context(app.url);
      const pages: [PortalClient, string[]][] = [
        [client, [`/portal/associations/${fresh.association.id}/international-day`, '/portal']],
        [volunteer, [signUpPath()]],
        [admin, [adminPath()]],
      ];
      for (const [who, paths] of pages) {
        await site.context.clearCookies();
        await site.context.addCookies([{ name: 'mangfold_session', value: who.cookie!.split('=')[1], url: app.url }]);
        for (const path of paths) expect({ path, ...(await site.check(path)), cookies: [] }).toEqual({ path, ...cleanPage() });
      }
      await site.close();

      // Without JavaScript, in a real browser: tick, fill, send, and land on the status.
      const noScript = await browser.context(app.url, { javaScript: false });
      await noScript.context.addCookies([{ name: 'mangfold_session', value: client.cookie!.split('=')[1], url: app.url }]);
      const { page } = await noScript.open(`/portal/associations/${fresh.association.id}/international-day`);
      await page.getByLabel('optræden', { exact: true }).check();
      await page.locator('#f-performanceMinutes').fill('20');
      await Promise.all([page.waitForURL(/done=registered$/), page.getByRole('button', { name: 'Tilmeld foreningen' }).click()]);
      expect(await page.locator('main').textContent()).toContain('optræden: tilmeldt, venter på svar fra TFI');
      await noScript.close();
    } finally {
      await browser.close();
    }
  }, 240_000);
});
