import { createPasswordResetToken } from '@mangfold/auth';
import { createUser } from '../factories';
import { startTestApp, type TestApp } from '../utils';

/** The pages mails link to: the privacy notice and setting a new password. */
describe('server-rendered pages', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { PERSONAL_DATA_RETENTION_DAYS: '60' } });
  });
  afterAll(() => app.close());

  it('serves the privacy notice in Danish and English, with the retention period in force', async () => {
    const da = await fetch(`${app.url}/privatliv`);
    expect(da.status).toBe(200);
    expect(da.headers.get('content-type')).toMatch(/^text\/html/);
    const daText = await da.text();
    expect(daText).toContain('60 dage efter arrangementet');
    expect(daText).not.toMatch(/<script/i);
    expect(await (await fetch(`${app.url}/en/privacy`)).text()).toContain('60 days after the event');
  });

  it('sets a new password from the mailed link, once, and the new password logs in', async () => {
    const em = app.em();
    const user = await createUser(em, { email: 'reset.page@example.org' });
    const { token } = await createPasswordResetToken(em, user.id);

    const form = await fetch(`${app.url}/reset-password?token=${encodeURIComponent(token)}`);
    expect(form.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await form.text()).toContain(`name="token" value="${token}"`);

    const post = (fields: Record<string, string>) =>
      fetch(`${app.url}/reset-password`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      });
    const mismatch = await post({ token, password: 'a-brand-new-passphrase', repeat: 'something-else-entirely' });
    expect(mismatch.status).toBe(400);
    const short = await post({ token, password: 'short', repeat: 'short' });
    expect(short.status).toBe(400);
    const ok = await post({ token, password: 'a-brand-new-passphrase', repeat: 'a-brand-new-passphrase' });
    expect(ok.status).toBe(200);
    expect(await app.login('reset.page@example.org', 'a-brand-new-passphrase')).toMatch(/^ey/);
    const again = await post({ token, password: 'another-new-passphrase', repeat: 'another-new-passphrase' });
    expect(again.status).toBe(400);
    expect(await again.text()).toMatch(/invalid, already used or expired/);
  });

  it('escapes whatever the link carries', async () => {
    const res = await fetch(`${app.url}/reset-password?token=${encodeURIComponent('"><script>alert(1)</script>')}`);
    const html = await res.text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&quot;&gt;&lt;script&gt;');
  });
});
