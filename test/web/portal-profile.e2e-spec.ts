import AxeBuilder from '@axe-core/playwright';
import { Association, Membership } from '@mangfold/associations';
import { User, WebSession } from '@mangfold/auth';
import { JobName, OutboxMessage } from '@mangfold/jobs';
import { createMember, TEST_PASSWORD } from '../factories';
import { cleanPage, PortalClient, startTestApp, TestBrowser, WCAG_TAGS, type TestApp } from '../utils';

/** An association's profile and members in the portal: its members and TFI edit them; nobody else sees them. */
describe('portal: association profile and members', () => {
  let app: TestApp;
  let association: Association;
  let volunteer: PortalClient;
  let fellow: { user: User; client: PortalClient };
  let outsider: PortalClient;
  let outsiderAssociation: Association;

  beforeAll(async () => {
    app = await startTestApp();
    const mine = await createMember(app);
    association = mine.association;
    const other = await createMember(app, association);
    const theirs = await createMember(app);
    outsiderAssociation = theirs.association;
    volunteer = await PortalClient.login(app.url, mine.user.email, TEST_PASSWORD);
    fellow = { user: other.user, client: await PortalClient.login(app.url, other.user.email, TEST_PASSWORD) };
    outsider = await PortalClient.login(app.url, theirs.user.email, TEST_PASSWORD);
  });

  afterAll(async () => {
    await app?.close();
  });

  const profilePath = () => `/portal/associations/${association.id}`;
  const membersPath = () => `/portal/associations/${association.id}/members`;
  const stored = () => app.em().findOneOrFail(Association, association.id);

  /** The form as a browser sends it: an unticked checkbox is left out. */
  const unticked = (form: Record<string, string>, name: string): Record<string, string> =>
    Object.fromEntries(Object.entries(form).filter(([key]) => key !== name));

  const profileForm = (over: Record<string, string> = {}): Record<string, string> => ({
    name: association.name,
    kind: 'ASSOCIATION',
    'description.da': 'Vi laver fællesspisning hver fredag.',
    'description.en': 'We cook together every Friday.',
    districtSlug: 'noerrebro',
    housingAreaSlug: '',
    cvr: '',
    website: 'https://faellesspisning.example',
    contactEmail: 'Kontakt@Faellesspisning.example',
    contactPhone: '+45 12 34 56 78',
    showContact: 'on',
    'location.address': 'Mjølnerparken 1',
    'location.postalCode': '2200',
    'location.city': 'København N',
    'location.latitude': '55,6994',
    'location.longitude': '12.5534',
    ...over,
  });

  it('is linked from the overview, with the members and International Day pages', async () => {
    const overview = await (await volunteer.get('/portal')).text();
    for (const path of [profilePath(), membersPath()]) expect(overview).toContain(`href="${path}"`);
    const page = await volunteer.get(profilePath());
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`value="${association.name}"`);
    expect(html).toContain(`href="/portal/associations/${association.id}/international-day"`);
  });

  it('keeps the input and shows each problem beside its field, by the rules of updateAssociation', async () => {
    const csrf = await volunteer.csrfToken(profilePath());
    const bad = await volunteer.post(profilePath(), {
      ...profileForm({ 'location.latitude': '91', website: 'javascript:alert(1)', 'description.da': 'Ny tekst' }),
      _csrf: csrf,
    });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toMatch(/id="f-location-latitude-error">must be between -90 and 90</);
    expect(html).toMatch(/id="f-website-error">[^<]+</);
    expect(html).toContain('value="91"');
    expect(html).toContain('Ny tekst</textarea>');
    expect(html).toContain('href="#f-location-latitude"');

    // A rule the service checks (a latitude wants its longitude) shows beside its field as well.
    const half = await volunteer.post(profilePath(), { ...profileForm({ 'location.longitude': '' }), _csrf: csrf });
    expect(half.status).toBe(422);
    expect(await half.text()).toMatch(/id="f-location-longitude-error">is required with a latitude</);
    const after = await stored();
    expect([after.description.da ?? null, after.website, after.location.latitude]).toEqual([null, null, null]);
  });

  it('saves texts, contact and its opt-in, address and coordinates; the atlas and the public page show them', async () => {
    const csrf = await volunteer.csrfToken(profilePath());
    const res = await volunteer.post(profilePath(), { ...profileForm(), _csrf: csrf });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${profilePath()}?done=saved`);
    const after = await app.em().findOneOrFail(Association, association.id, { populate: ['district'] });
    expect({
      description: after.description,
      contactEmail: after.contactEmail,
      showContact: after.showContact,
      district: after.district?.slug,
      location: { ...after.location },
    }).toEqual({
      description: { da: 'Vi laver fællesspisning hver fredag.', en: 'We cook together every Friday.' },
      contactEmail: 'kontakt@faellesspisning.example',
      showContact: true,
      district: 'noerrebro',
      location: { address: 'Mjølnerparken 1', postalCode: '2200', city: 'København N', latitude: 55.6994, longitude: 12.5534 },
    });
    expect(await (await volunteer.get(res.headers.get('location')!)).text()).toContain('Profilen er gemt.');

    const geo = (await (await fetch(`${app.url}/atlas.geojson`)).json()) as {
      features: { id: string; geometry: { coordinates: number[] } }[];
    };
    expect(geo.features.find((f) => f.id === association.slug)?.geometry.coordinates).toEqual([12.5534, 55.6994]);
    const publicPage = await (await fetch(`${app.url}/foreninger/${association.slug}`)).text();
    expect(publicPage).toContain('kontakt@faellesspisning.example');

    // Clearing the opt-in hides the contact again; blank coordinates take the association off the map.
    const cleared = await volunteer.post(profilePath(), {
      ...unticked(profileForm({ 'location.latitude': '', 'location.longitude': '' }), 'showContact'),
      _csrf: csrf,
    });
    expect(cleared.status).toBe(303);
    const hidden = await (await fetch(`${app.url}/foreninger/${association.slug}`)).text();
    expect(hidden).not.toContain('kontakt@faellesspisning.example');
    const geoAfter = (await (await fetch(`${app.url}/atlas.geojson`)).json()) as { features: { id: string }[] };
    expect(geoAfter.features.map((f) => f.id)).not.toContain(association.slug);
  });

  it('adds a member by email with the member-added mail, and refuses a bad or repeated address beside the field', async () => {
    const csrf = await volunteer.csrfToken(membersPath());
    const added = await volunteer.post(membersPath(), { email: ' Ny.Frivillig@Forening.example ', _csrf: csrf });
    expect(added.status).toBe(303);
    expect(added.headers.get('location')).toBe(`${membersPath()}?done=added`);
    const user = await app.em().findOneOrFail(User, { email: 'ny.frivillig@forening.example' });
    expect(await app.em().count(Membership, { association: association.id, user: user.id })).toBe(1);
    const jobs = (await app.em().find(OutboxMessage, { name: JobName.Notify })).map((m) => m.payload as Record<string, unknown>);
    expect(jobs).toContainEqual({ kind: 'member-added', associationId: association.id, userId: user.id });
    expect(await (await volunteer.get(membersPath())).text()).toContain('ny.frivillig@forening.example');

    for (const email of ['ny.frivillig@forening.example', 'ikke-en-adresse']) {
      const refused = await volunteer.post(membersPath(), { email, _csrf: csrf });
      expect(refused.status).toBe(422);
      const html = await refused.text();
      expect(html).toMatch(/id="f-email-error">[^<]+</);
      expect(html).toContain(`value="${email}"`);
    }
    expect(await app.em().count(Membership, { association: association.id })).toBe(3);
  });

  it('removes a member, which ends their portal sessions, and keeps the last member', async () => {
    expect(await app.em().count(WebSession, { user: fellow.user.id })).toBe(1);
    expect((await fellow.client.get('/portal')).status).toBe(200);
    const csrf = await volunteer.csrfToken(membersPath());
    const removed = await volunteer.post(`${membersPath()}/${fellow.user.id}/remove`, { _csrf: csrf });
    expect(removed.status).toBe(303);
    expect(removed.headers.get('location')).toBe(`${membersPath()}?done=removed`);
    expect(await app.em().count(Membership, { association: association.id, user: fellow.user.id })).toBe(0);
    expect(await app.em().count(WebSession, { user: fellow.user.id })).toBe(0);
    expect((await fellow.client.get('/portal')).status).toBe(303);

    const lone = await createMember(app);
    const client = await PortalClient.login(app.url, lone.user.email, TEST_PASSWORD);
    const path = `/portal/associations/${lone.association.id}/members`;
    const last = await client.post(`${path}/${lone.user.id}/remove`, { _csrf: await client.csrfToken(path) });
    expect(last.status).toBe(422);
    expect(await last.text()).toContain('An association keeps at least one member');
    expect(await app.em().count(Membership, { association: lone.association.id })).toBe(1);
  });

  it('refuses a member of another association every page and form, and changes nothing', async () => {
    const before = { name: (await stored()).name, members: await app.em().count(Membership, { association: association.id }) };
    const csrf = await outsider.csrfToken();
    for (const path of [profilePath(), membersPath(), `/portal/associations/${association.id}/international-day`]) {
      expect({ path, status: (await outsider.get(path)).status }).toEqual({ path, status: 404 });
    }
    const [memberId] = (await app.em().find(Membership, { association: association.id }, { populate: ['user'] })).map((m) => m.user.id);
    const posts: [string, Record<string, string>][] = [
      [profilePath(), profileForm({ name: 'Kapret forening' })],
      [membersPath(), { email: 'indtrænger@example.org' }],
      [`${membersPath()}/${memberId}/remove`, {}],
    ];
    for (const [path, fields] of posts) {
      expect({ path, status: (await outsider.post(path, { ...fields, _csrf: csrf })).status }).toEqual({ path, status: 404 });
    }
    // Its own association answers; an unknown or malformed id gets the same 404 as another's.
    expect((await outsider.get(`/portal/associations/${outsiderAssociation.id}`)).status).toBe(200);
    expect((await outsider.get('/portal/associations/not-an-id/members')).status).toBe(404);
    expect({ name: (await stored()).name, members: await app.em().count(Membership, { association: association.id }) }).toEqual(before);
    expect(await app.em().count(User, { email: 'indtrænger@example.org' })).toBe(0);
  });

  it('lets TFI edit any association, and changes nothing for a form without its token or from another site', async () => {
    const admin = await PortalClient.login(app.url, app.config.auth.adminEmail!, app.config.auth.adminPassword!);
    expect((await admin.get(profilePath())).status).toBe(200);

    const csrf = await volunteer.csrfToken(profilePath());
    const forged = await volunteer.post(profilePath(), profileForm({ name: 'Uden token' }));
    expect(forged.status).toBe(303);
    expect(forged.headers.get('location')).toMatch(/^\/portal\/login/);
    const foreign = await volunteer.post(
      profilePath(),
      { ...profileForm({ name: 'Fra et andet site' }), _csrf: csrf },
      { origin: 'https://evil.example' },
    );
    expect(foreign.status).toBe(303);
    const added = await volunteer.post(membersPath(), { email: 'forfalsket@example.org' }, { origin: 'https://evil.example' });
    expect(added.status).toBe(303);
    expect((await stored()).name).toBe(association.name);
    expect(await app.em().count(User, { email: 'forfalsket@example.org' })).toBe(0);
    // The session itself lives on.
    expect((await volunteer.get('/portal')).status).toBe(200);
  });

  it('passes axe on the profile (also with its errors shown), the members page and the overview', async () => {
    const browser = await TestBrowser.launch();
    try {
      const site = await browser.context(app.url);
      await site.context.addCookies([{ name: 'mangfold_session', value: volunteer.cookie!.split('=')[1], url: app.url }]);
      for (const path of [profilePath(), membersPath(), '/portal']) {
        expect({ path, ...(await site.check(path)), cookies: [] }).toEqual({ path, ...cleanPage() });
      }
      const { page } = await site.open(profilePath());
      await page.locator('#f-location-latitude').fill('91');
      await Promise.all([page.waitForLoadState(), page.getByRole('button', { name: 'Gem profilen' }).click()]);
      await page
        .locator('#error-summary')
        .waitFor({ timeout: 5000 })
        .catch(async (error: unknown) => {
          throw new Error(`${String(error)} at ${page.url()}: ${(await page.content()).slice(0, 3000)}`);
        });
      expect(await page.locator('#f-location-latitude').getAttribute('aria-invalid')).toBe('true');
      const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      expect(axe.violations.map((v) => v.id)).toEqual([]);
      await page.close();
      await site.close();
    } finally {
      await browser.close();
    }
  }, 240_000);
});
