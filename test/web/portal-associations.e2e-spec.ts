import { Association, AssociationStatus } from '@mangfold/associations';
import { createMember, createUser, TEST_PASSWORD } from '../factories';
import { cleanPage, PortalClient, startTestApp, TestBrowser, type TestApp } from '../utils';
import { Role } from '@mangfold/auth';

/** Signing up an association in the browser, and TFI deciding on it in the portal. */
describe('portal: sign-up and approval', () => {
  let app: TestApp;
  let admin: PortalClient;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await PortalClient.login(app.url, app.config.auth.adminEmail!, app.config.auth.adminPassword!);
  });

  afterAll(async () => {
    await app?.close();
  });

  const signUpFields = (over: Record<string, string> = {}) => ({
    name: 'Beboerforeningen Tingbjerg Syd',
    kind: 'ASSOCIATION',
    'description.da': 'Fællesspisning og kulturaftener.',
    'description.en': '',
    districtSlug: '',
    housingAreaSlug: '',
    website: '',
    contactEmail: '',
    contactPhone: '',
    cvr: '',
    memberName: 'Amina',
    email: `amina-${Date.now()}@test.mangfold.local`,
    password: 'et-langt-kodeord-2026',
    ...over,
  });

  it('keeps the input and names each bad field beside it', async () => {
    const res = await new PortalClient(app.url).post(
      '/portal/sign-up',
      signUpFields({ name: 'X', website: 'javascript:alert(1)', password: 'kort' }),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('value="X"');
    expect(html).not.toContain('kort');
    expect(html).toMatch(/id="f-name-error">[^<]+</);
    expect(html).toMatch(/id="f-website-error">[^<]+</);
    expect(html).toMatch(/id="f-password-error">[^<]+</);
    expect(html).toContain('aria-describedby="f-name-error"');
    expect(await app.em().count(Association, { name: 'X' })).toBe(0);
  });

  it('signs up a new association as pending, answers the same for a known email, and lets TFI approve it', async () => {
    const fields = signUpFields();
    const res = await new PortalClient(app.url).post('/portal/sign-up', fields);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/portal/sign-up/sent?lang=da');
    expect(res.headers.get('set-cookie')).toBeNull();
    const created = await app.em().findOneOrFail(Association, { name: fields.name });
    expect(created.status).toBe(AssociationStatus.PENDING);

    const known = await createUser(app.em());
    const again = await new PortalClient(app.url).post('/portal/sign-up', signUpFields({ name: 'Endnu en forening', email: known.email }));
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe('/portal/sign-up/sent?lang=da');

    const queue = await (await admin.get('/portal/admin/associations')).text();
    expect(queue).toContain(fields.name);
    const csrf = await admin.csrfToken('/portal/admin/associations');
    const approved = await admin.post(`/portal/admin/associations/${created.id}/approve`, { _csrf: csrf });
    expect(approved.status).toBe(303);
    expect((await app.em().findOneOrFail(Association, created.id)).status).toBe(AssociationStatus.APPROVED);

    const member = await PortalClient.login(app.url, fields.email, fields.password);
    expect(await (await member.get('/portal')).text()).toContain(fields.name);
  });

  it('refuses a rejection without a reason beside its field, and rejects with one', async () => {
    const fields = signUpFields({ name: 'Forening til afvisning' });
    await new PortalClient(app.url).post('/portal/sign-up', fields);
    const created = await app.em().findOneOrFail(Association, { name: fields.name });
    const csrf = await admin.csrfToken('/portal/admin/associations');
    const blank = await admin.post(`/portal/admin/associations/${created.id}/reject`, { _csrf: csrf, reason: ' ' });
    expect(blank.status).toBe(422);
    expect(await blank.text()).toContain(`id="f-reject-${created.id}-error"`);
    expect((await app.em().findOneOrFail(Association, created.id)).status).toBe(AssociationStatus.PENDING);
    const rejected = await admin.post(`/portal/admin/associations/${created.id}/reject`, { _csrf: csrf, reason: 'Ikke i København' });
    expect(rejected.status).toBe(303);
    const after = await app.em().findOneOrFail(Association, created.id);
    expect([after.status, after.statusReason]).toEqual([AssociationStatus.REJECTED, 'Ikke i København']);
  });

  it('lets no member decide, and no form without its token', async () => {
    const { user, association } = await createMember(app);
    const pending = await app.em().findOneOrFail(Association, association.id);
    pending.status = AssociationStatus.PENDING;
    await app.em().persistAndFlush(pending);
    const member = await PortalClient.login(app.url, user.email, TEST_PASSWORD);
    expect((await member.get('/portal/admin/associations')).status).toBe(403);
    const csrf = await member.csrfToken();
    expect((await member.post(`/portal/admin/associations/${association.id}/approve`, { _csrf: csrf })).status).toBe(403);
    // The admin's own session without the token is sent to log in again; nothing changes.
    expect((await admin.post(`/portal/admin/associations/${association.id}/approve`, {})).status).toBe(303);
    expect((await app.em().findOneOrFail(Association, association.id)).status).toBe(AssociationStatus.PENDING);
    expect(user.role).toBe(Role.ASSOCIATION_MEMBER);
  });

  it('passes axe on the sign-up form (with errors shown) and the approval queue', async () => {
    const browser = await TestBrowser.launch();
    try {
      const site = await browser.context(app.url);
      expect(await site.check('/portal/sign-up')).toEqual(cleanPage());
      expect(await site.check('/portal/sign-up?lang=en')).toEqual(cleanPage());
      const { page } = await site.open('/portal/sign-up');
      await page.locator('#f-name').fill('Y');
      await page.locator('button[type=submit]').click();
      await page.locator('#error-summary').waitFor();
      expect(await page.locator('#f-name').getAttribute('aria-invalid')).toBe('true');
      await page.close();

      await site.context.addCookies([{ name: 'mangfold_session', value: admin.cookie!.split('=')[1], url: app.url }]);
      const report = await site.check('/portal/admin/associations');
      expect({ ...report, cookies: [] }).toEqual(cleanPage());
      await site.close();
    } finally {
      await browser.close();
    }
  }, 180_000);
});
