import { WebSession } from '@mangfold/auth';
import { createAssociation, createMember, createUser, TEST_PASSWORD } from '../factories';
import { cleanPage, dataOf, PortalClient, startTestApp, TestBrowser, type TestApp } from '../utils';

/** The portal's sessions: one HttpOnly cookie, kept on the server, ended by logout, password change, removal or suspension. */
describe('portal sessions', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  const sessionsOf = (userId: string) => app.em().count(WebSession, { user: userId });

  it('sends a visitor without a session to the login page and back to where they were going', async () => {
    const visitor = new PortalClient(app.url);
    const res = await visitor.get('/portal');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/portal/login?next=%2Fportal');
    const form = await visitor.get('/portal/login?next=%2Fportal');
    expect(form.status).toBe(200);
    expect(form.headers.get('set-cookie')).toBeNull();
    const html = await form.text();
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    expect(html).toContain('name="next" value="/portal"');
  });

  it('logs in with one HttpOnly, SameSite=Lax cookie and shows the member their associations', async () => {
    const { user, association } = await createMember(app);
    const res = await new PortalClient(app.url).post('/portal/login', { email: user.email, password: TEST_PASSWORD, next: '/portal' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/portal');
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^mangfold_session=[A-Za-z0-9_-]{40,}; Path=\/; HttpOnly; SameSite=Lax$/);

    const client = await PortalClient.login(app.url, user.email, TEST_PASSWORD);
    const overview = await client.get('/portal');
    expect(overview.status).toBe(200);
    expect(overview.headers.get('cache-control')).toBe('no-store');
    const html = await overview.text();
    expect(html).toContain(association.name);
    expect(html).toContain('name="_csrf"');
  });

  it('marks the cookie Secure behind https', async () => {
    const secure = await startTestApp({ env: { TRUST_PROXY: 'true' } });
    try {
      const { user } = await createMember(secure);
      const res = await fetch(`${secure.url}/portal/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-proto': 'https' },
        body: new URLSearchParams({ email: user.email, password: TEST_PASSWORD }).toString(),
      });
      expect(res.headers.get('set-cookie')).toMatch(/; Secure/);
    } finally {
      await secure.close();
    }
  });

  it('answers a wrong password on the page, the same as an unknown email, without a cookie', async () => {
    const { user } = await createMember(app);
    const wrong = await new PortalClient(app.url).post('/portal/login', { email: user.email, password: 'not-the-password' });
    const unknown = await new PortalClient(app.url).post('/portal/login', { email: 'nobody@test.mangfold.local', password: 'x' });
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.headers.get('set-cookie')).toBeNull();
      expect(await res.text()).toContain('Forkert e-mail eller adgangskode.');
    }
  });

  it('never redirects a login to another site', async () => {
    const { user } = await createMember(app);
    for (const next of ['https://evil.example/', '//evil.example/portal', '/portal/../../x', 'javascript:alert(1)']) {
      const res = await new PortalClient(app.url).post('/portal/login', { email: user.email, password: TEST_PASSWORD, next });
      expect({ next, location: res.headers.get('location') }).toEqual({ next, location: '/portal' });
    }
  });

  it('ends the session on logout, and only with the CSRF token from our own origin', async () => {
    const { user } = await createMember(app);
    const client = await PortalClient.login(app.url, user.email, TEST_PASSWORD);
    const csrf = await client.csrfToken();
    const cookie = client.cookie!;

    // Without the token, or from another site, nothing changes on the server.
    await new PortalClient(app.url).post('/portal/logout', {}).then(() => undefined);
    const forged = Object.assign(new PortalClient(app.url), { cookie });
    await forged.post('/portal/logout', {});
    await Object.assign(new PortalClient(app.url), { cookie }).post('/portal/logout', { _csrf: csrf }, { origin: 'https://evil.example' });
    expect(await sessionsOf(user.id)).toBe(1);
    expect((await Object.assign(new PortalClient(app.url), { cookie }).get('/portal')).status).toBe(200);

    const out = await client.post('/portal/logout', { _csrf: csrf });
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/portal/login?out=1');
    expect(out.headers.get('set-cookie')).toMatch(/^mangfold_session=;.*Expires=Thu, 01 Jan 1970/);
    expect(await sessionsOf(user.id)).toBe(0);
    expect((await Object.assign(new PortalClient(app.url), { cookie }).get('/portal')).status).toBe(303);
  });

  it('ends every session of a person who changes their password', async () => {
    const { user, token } = await createMember(app);
    const first = await PortalClient.login(app.url, user.email, TEST_PASSWORD);
    const second = await PortalClient.login(app.url, user.email, TEST_PASSWORD);
    dataOf(
      await app.gql(
        'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { accessToken } }',
        { c: TEST_PASSWORD, n: 'another-long-password' },
        token,
      ),
    );
    for (const client of [first, second]) expect((await client.get('/portal')).status).toBe(303);
  });

  it('ends every session of a person removed from the association, and of the members of a suspended one', async () => {
    const { user: removed, association } = await createMember(app);
    const { user: stays, token } = await createMember(app, association);
    const removedClient = await PortalClient.login(app.url, removed.email, TEST_PASSWORD);
    const staysClient = await PortalClient.login(app.url, stays.email, TEST_PASSWORD);
    dataOf(
      await app.gql(
        'mutation($a: ID!, $u: ID!) { removeAssociationMember(associationId: $a, userId: $u) { id } }',
        { a: association.id, u: removed.id },
        token,
      ),
    );
    expect((await removedClient.get('/portal')).status).toBe(303);
    expect((await staysClient.get('/portal')).status).toBe(200);

    const other = await createAssociation(app.em(), { members: [await createUser(app.em())] });
    const { user: suspendedMember } = await createMember(app, other);
    const suspendedClient = await PortalClient.login(app.url, suspendedMember.email, TEST_PASSWORD);
    dataOf(
      await app.gql(
        'mutation($a: ID!) { suspendAssociation(id: $a, reason: "Misbrug af kalenderen") { id status } }',
        { a: other.id },
        await app.adminToken(),
      ),
    );
    expect((await suspendedClient.get('/portal')).status).toBe(303);
  });

  it('never lets the session cookie act on GraphQL', async () => {
    const { user } = await createMember(app);
    const client = await PortalClient.login(app.url, user.email, TEST_PASSWORD);
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: client.cookie! },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(await res.json()).toEqual({ data: { me: null } });
  });

  it('passes axe on the login page and the overview, keyboard only', async () => {
    const { user } = await createMember(app);
    const browser = await TestBrowser.launch();
    try {
      const site = await browser.context(app.url);
      expect(await site.check('/portal/login')).toEqual(cleanPage());
      const { page } = await site.open('/portal/login');
      await page.keyboard.press('Tab'); // skip link
      await page.keyboard.press('Tab'); // site name
      await page.locator('#email').focus();
      await page.keyboard.insertText(user.email);
      await page.keyboard.press('Tab');
      await page.keyboard.insertText(TEST_PASSWORD);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/portal$/);
      const cookies = await site.context.cookies();
      expect(cookies.map((c) => [c.name, c.httpOnly, c.sameSite])).toEqual([['mangfold_session', true, 'Lax']]);
      const report = await site.check('/portal');
      expect({ ...report, cookies: [] }).toEqual(cleanPage());
      await site.close();
    } finally {
      await browser.close();
    }
  });
  it("rate-limits failed logins as GraphQL does, and says so on the page (last: it spends this address's attempts)", async () => {
    const user = await createUser(app.em());
    let last: Response | undefined;
    for (let i = 0; i < 12; i++) {
      last = await new PortalClient(app.url).post('/portal/login', { email: user.email, password: `wrong-${i}` });
      if (last.status === 429) break;
    }
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await last!.text()).toMatch(/For mange forsøg\. Prøv igen om \d+ sekunder\./);
  });
});
