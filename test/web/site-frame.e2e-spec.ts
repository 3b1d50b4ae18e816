import { sitePaths } from '@mangfold/config';
import { cleanPage, startTestApp, TestBrowser, type TestApp } from '../utils';

/** The frame every page shares: stylesheet, headers, and a static page checked in a real browser. */
describe('the site frame', () => {
  let app: TestApp;
  let browser: TestBrowser;

  beforeAll(async () => {
    app = await startTestApp();
    browser = await TestBrowser.launch();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it.each(['da', 'en'] as const)('serves the accessibility statement in %s with security headers and no cookie', async (lang) => {
    const res = await fetch(`${app.url}${sitePaths.accessibility(lang)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('set-cookie')).toBeNull();
    const html = await res.text();
    expect(html).toContain(`<html lang="${lang}">`);
    expect(html.match(/<h1>/g)).toHaveLength(1);
  });

  it('serves the stylesheet under a content hash, cacheable for a year, and 404 for any other asset', async () => {
    const html = await (await fetch(`${app.url}${sitePaths.accessibility('da')}`)).text();
    const href = /<link rel="stylesheet" href="([^"]+)"/.exec(html)![1];
    const css = await fetch(`${app.url}${href}`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${app.url}/assets/site-000000000000.css`)).status).toBe(404);
  });

  it('passes axe, sets no cookie, stores nothing, loads nothing from other hosts and fits 320 px', async () => {
    const site = await browser.context(app.url);
    try {
      for (const lang of ['da', 'en'] as const) {
        expect({ lang, ...(await site.check(sitePaths.accessibility(lang))) }).toEqual({ lang, ...cleanPage() });
      }
    } finally {
      await site.close();
    }
  });

  it('reads the same without JavaScript: the skip link leads to the main content', async () => {
    const site = await browser.context(app.url, { javaScript: false });
    try {
      const { page, status } = await site.open(sitePaths.accessibility('en'));
      expect(status).toBe(200);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      expect(page.url()).toMatch(/#main$/);
      await expect(page.locator('h1').innerText()).resolves.toBe('Accessibility statement');
      expect(await site.context.cookies()).toEqual([]);
    } finally {
      await site.close();
    }
  });

  it('keeps the IDE working under its own policy: inline bootstrap by hash only', async () => {
    const res = await fetch(`${app.url}/graphql`, { headers: { accept: 'text/html' } });
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
  });
});
