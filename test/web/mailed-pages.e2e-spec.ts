import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { EventKind } from '@mangfold/calendar';
import { Registration } from '@mangfold/registrations';
import { surveyToken } from '@mangfold/workplan';
import { createEvent } from '../factories';
import { register } from '../registrations/helpers';
import { cleanPage, dataOf, startTestApp, TestBrowser, WCAG_TAGS, type SiteContext, type TestApp } from '../utils';
import { COMPLETE, recordAssignment } from '../workplan/helpers';

/**
 * The two pages reached from a mail, in a real browser: the registrant's manage page (with its
 * erase confirmation) and the requester's satisfaction survey. Both are pages of the site: its
 * stylesheet, nothing its Content-Security-Policy blocks, no cookies, and they work without JavaScript.
 */
describe('the pages behind mailed links', () => {
  let app: TestApp;
  let browser: TestBrowser;
  let site: SiteContext;
  /** What the browser reported as blocked or broken, over every page of the JavaScript-on context. */
  const problems: string[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    browser = await TestBrowser.launch();
    site = await browser.context(app.url);
    await site.context.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP: ${e.violatedDirective} ${e.blockedURI}`)),
    );
    // The not-found answers are 404 by design: Chromium's note on their status is no problem.
    const notFound = /^Failed to load resource: the server responded with a status of 404/;
    site.context.on('console', (m) => (m.type() === 'error' && !notFound.test(m.text()) ? problems.push(m.text()) : undefined));
    site.context.on('weberror', (e) => problems.push(e.error().message));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  }, 120_000);

  let events = 0;
  async function registration(): Promise<{ path: string; id: string }> {
    events += 1;
    const event = await createEvent(app.em(), {
      slug: `seminar-${events}`,
      kind: EventKind.SEMINAR,
      capacity: 10,
      registrationRequired: true,
      title: { da: 'Seminar om <frivillighed>', en: 'Seminar on volunteering' },
    });
    const registered = dataOf(await register(app, event.id, { language: 'DA' })).registerForEvent;
    const url = new URL(registered.managementUrl);
    return { path: `${url.pathname}${url.search}`, id: registered.id };
  }

  async function survey(n: string): Promise<string> {
    const admin = await app.adminToken();
    const assignment = await recordAssignment(app, admin, n);
    dataOf(await app.gql(COMPLETE, { id: assignment.id }, admin));
    return `/assignments/survey?token=${encodeURIComponent(surveyToken(app.config, assignment.id))}`;
  }

  async function axe(page: Page): Promise<string[]> {
    const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  it('are clean pages of the site in both languages, the not-found answers too', async () => {
    const manage = await registration();
    const answer = await survey('browser-check');
    for (const path of [manage.path, `${manage.path}&lang=en`, answer, `${answer}&lang=en`, '/registrations/manage/erased?lang=en']) {
      expect({ path, report: await site.check(path) }).toEqual({ path, report: cleanPage() });
    }
    for (const path of ['/registrations/manage?token=nonsense', '/assignments/survey?token=nonsense&lang=en']) {
      expect({ path, report: await site.check(path) }).toEqual({ path, report: { ...cleanPage(), status: 404 } });
    }
    expect(problems).toEqual([]);
  }, 180_000);

  it('erase with a confirmation step, each page clean', async () => {
    const manage = await registration();
    const { page } = await site.open(manage.path);
    await page.getByRole('button', { name: 'Slet mine oplysninger …' }).click();
    await page.getByRole('heading', { level: 1, name: 'Slet dine oplysninger' }).waitFor();
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Ja, slet mine oplysninger' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dine oplysninger er slettet' }).waitFor();
    expect(await axe(page)).toEqual([]);
    await page.close();
    expect(await site.context.cookies()).toEqual([]);
    expect(problems).toEqual([]);
  }, 120_000);

  describe('without JavaScript', () => {
    let plain: SiteContext;
    beforeAll(async () => {
      plain = await browser.context(app.url, { javaScript: false });
    });
    afterAll(() => plain?.close());

    it('the registrant cancels, then erases after confirming, and the link opens nothing more', async () => {
      const manage = await registration();
      const { page } = await plain.open(`${manage.path}&lang=en`);
      await page.getByRole('button', { name: 'Cancel my registration' }).click();
      await page.getByText('You are no longer registered.').waitFor();
      await page.getByRole('button', { name: 'Erase my data …' }).click();
      await page.getByRole('link', { name: 'No, back to my registration' }).click();
      await page.getByText('Your registration is cancelled.').waitFor();
      await page.getByRole('button', { name: 'Erase my data …' }).click();
      await page.getByRole('button', { name: 'Yes, erase my data' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your data is erased' }).waitFor();
      expect(await app.em().findOneOrFail(Registration, manage.id)).toMatchObject({ name: null, email: null });
      const again = await plain.open(manage.path);
      expect(again.status).toBe(404);
      await page.close();
      await again.page.close();
      expect(await plain.context.cookies()).toEqual([]);
    }, 120_000);

    it('the requester answers the survey once', async () => {
      const { page } = await plain.open(await survey('browser-plain'));
      await page.getByRole('button', { name: 'Send svar' }).click();
      // The browser itself asks for the required choice: nothing is sent.
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Hvordan gik opgaven?');
      await page.getByLabel('Ja').check();
      await page.getByLabel('Kommentar (valgfri)').fill('Meget brugbart');
      await page.getByRole('button', { name: 'Send svar' }).click();
      await page.getByRole('status').getByText('Tak for dit svar.').waitFor();
      expect(await page.getByRole('button', { name: 'Send svar' }).count()).toBe(0);
      await page.close();
      expect(await plain.context.cookies()).toEqual([]);
    }, 120_000);
  });
});
