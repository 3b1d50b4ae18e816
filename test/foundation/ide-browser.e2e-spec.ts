import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Locator, Page } from 'playwright-core';
import { DemoSeeder } from '@mangfold/prisma-free-db';
import { ACCESS_TOKEN_VARIABLE, exampleOperations } from '../../apps/api/src/ide/example-operations';
import { dataOf, startTestApp, TestBrowser, type SiteContext, type TestApp } from '../utils';
import { idePlaceholders, operationsOf, type TabOperation } from './ide-placeholders';

const ARTIFACTS = join(__dirname, '..', 'artifacts');

/** The whole text of one of Altair's CodeMirror editors, the lines scrolled out of view too. */
function editorText(editor: Locator): Promise<string> {
  return editor.evaluate((content) => (content as any).cmView.rootView.view.state.doc.toString() as string);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Every saved operation of the self-hosted IDE, run in a real (headless) Chromium as TFI and
 * associations run them: log in with the "Log in" tab (its post-request script keeps the token in
 * the IDE's environment, which every tab's Authorization header sends), then open each tab, put
 * real ids in its variables where it asks for them, press the editor's "Send" above each operation
 * of the document, and read the result pane. The tabs are exampleOperations(), so one added later
 * is run too.
 */
describe("the IDE's saved operations, in the browser", () => {
  let app: TestApp;
  let browser: TestBrowser;
  let site: SiteContext;

  beforeAll(async () => {
    app = await startTestApp();
    expect(await new DemoSeeder().load(app.em())).toBe(true);
    browser = await TestBrowser.launch();
    site = await browser.context(app.url, { width: 1400 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  }, 120_000);

  /** One IDE page, and what each of its tabs holds in the variables pane. */
  class Ide {
    private tab: string | undefined;
    private readonly panes = new Map<string, Record<string, unknown>>();
    /** The Authorization header of every request sent, by operation. */
    readonly authorization = new Map<string, string | undefined>();

    constructor(private readonly page: Page) {}

    private async open(op: TabOperation): Promise<void> {
      const title = new RegExp(`^\\s*${escapeRegExp(op.tab)}\\s*$`);
      await this.page.locator('app-window-switcher .window-switcher__input', { hasText: title }).click();
      await this.page
        .locator('app-query-editor .cm-line', { hasText: `${op.operation} ${op.name}` })
        .first()
        .waitFor();
      this.tab = op.tab;
    }

    /** Puts the operation's variables in the pane if the tab holds others, as a user types them in. */
    private async fill({ tab, variables }: TabOperation): Promise<void> {
      const saved = exampleOperations().find((o) => o.name === tab)?.variables ?? {};
      if (isDeepStrictEqual(variables, this.panes.get(tab) ?? saved)) return;
      const editor = this.page.locator('app-variables-editor .cm-content');
      if (!(await editor.isVisible())) await this.page.locator('[track-id="toggle_variables"]').click();
      await editor.click();
      await this.page.keyboard.press('Control+A');
      await this.page.keyboard.insertText(JSON.stringify(variables, null, 2));
      this.panes.set(tab, variables);
    }

    /** Presses "Send" above the operation in its tab and answers the response the result pane shows. */
    async send(op: TabOperation): Promise<Record<string, any>> {
      if (op.tab !== this.tab) await this.open(op);
      await this.fill(op);
      const requested = this.page.waitForRequest(
        (req) => req.method() === 'POST' && new URL(req.url()).pathname === '/graphql' && req.postDataJSON()?.operationName === op.name,
      );
      await this.page.locator('app-query-editor .query-editor__line-widget', { hasText: `(Send ${op.operation} ${op.name})` }).click();
      const request = await requested;
      expect({ operation: op.name, variables: request.postDataJSON().variables ?? {} }).toEqual({
        operation: op.name,
        variables: op.variables,
      });
      this.authorization.set(op.name, request.headers().authorization);

      const result = this.page.locator('app-query-result .cm-content');
      await result.waitFor();
      const text = await editorText(result);
      // Emptied again, so that what the pane shows next is the next operation's response.
      await this.page.locator('app-query-result button', { hasText: 'Clear' }).click();
      await result.waitFor({ state: 'detached' });
      try {
        return JSON.parse(text) as Record<string, any>;
      } catch {
        throw new Error(`The result pane shows no JSON response to ${op.tab}/${op.name}: ${text}`);
      }
    }
  }

  it('each run from its tab without errors', async () => {
    const admin = await app.adminToken();
    const fill = await idePlaceholders(app, admin, 'browser');
    const page = await site.context.newPage();
    // Generous: the IDE is a large single-page app, and the test machines are shared.
    page.setDefaultTimeout(60_000);
    // What the IDE would show its user as gone wrong: a blocked frame or script, an error thrown.
    const problems: string[] = [];
    page.on('console', (m) => (m.type() === 'error' ? problems.push(m.text()) : undefined));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${app.url}/graphql`);
    const ide = new Ide(page);
    const operations = [...operationsOf(fill)];

    // Log in first, with the tab whose script keeps the token: from then on every tab sends it.
    const loginTab = exampleOperations().find((o) => o.postRequestScript?.includes(ACCESS_TOKEN_VARIABLE));
    const isLogin = (op: TabOperation): boolean => op.tab === loginTab?.name;
    const tokenOf = (body: Record<string, any>): string => (Object.values(body.data ?? {})[0] as { accessToken: string }).accessToken;
    const login = operations.filter(isLogin);
    expect(login).toHaveLength(1);
    let token = tokenOf(await ide.send(login[0]));
    expect(token).toMatch(/^ey/);

    const results: Record<string, any> = {};
    for (const op of operations) {
      const body = await ide.send(op);
      expect({ tab: op.tab, operation: op.name, errors: body.errors, data: typeof body.data }).toEqual({
        tab: op.tab,
        operation: op.name,
        errors: undefined,
        data: 'object',
      });
      expect({ operation: op.name, authorization: ide.authorization.get(op.name) }).toEqual({
        operation: op.name,
        authorization: `Bearer ${token}`,
      });
      // Logging in again keeps the new token.
      if (isLogin(op)) token = tokenOf(body);
      results[op.name] = body.data;
    }

    // Every tab and operation was run, the placeholders filled where they belong.
    expect(new Set(operations.map((o) => o.tab))).toEqual(new Set(exampleOperations().map((o) => o.name)));
    expect(operations.map((o) => `${o.tab}/${o.name}`)).toEqual(expect.arrayContaining(Object.keys(fill)));
    expect(results.Me.me.email).toBe(app.config.auth.adminEmail);
    expect(results.UpcomingEvents.events.edges.length).toBeGreaterThan(0);
    expect(results.CreateEvent.createEvent).toMatchObject({ status: 'DRAFT', housingArea: { slug: 'mjoelnerparken' } });
    expect(site.foreign).toEqual([]);
    expect(problems).toEqual([]);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'ide-operations.png') });
    await page.close();
  }, 1_200_000);

  /*
   * TFI's other way in (once test/kpi/playground): no "Log in" tab, the token pasted into the tab's
   * Authorization header by hand, "Send Request" from the toolbar, and this year's figure read from
   * the result pane. A context of its own, so that the IDE's environment holds no token.
   */
  it("runs the saved KPI operation with the token pasted into the tab's header, and offers no outside service", async () => {
    const token = await app.adminToken();
    const year = exampleOperations().find((o) => o.name === 'KPIs this year')!.variables!.year as number;
    const kpis = dataOf(await app.gql(`query($y: Int!) { kpis(year: $y) { key actual status } }`, { y: year }, token)).kpis as {
      key: string;
      actual: number | null;
      status: string;
    }[];
    const expected = kpis.find((k) => k.key === 'associations-involved')!;
    expect(expected.actual).toEqual(expect.any(Number));

    const fresh = await browser.context(app.url, { width: 1400 });
    try {
      const page = await fresh.context.newPage();
      page.setDefaultTimeout(60_000);
      await page.goto(`${app.url}/graphql`);
      await page.getByText('KPIs this year', { exact: true }).click();
      await page.locator('app-query-editor .cm-line', { hasText: 'query KpisThisYear' }).waitFor();
      await page.waitForLoadState('networkidle');

      // The Authorization header the IDE prepares, with the token in it.
      await page.locator('a[track-id="show_set_headers"]').click();
      const header = page.locator('app-x-input[placeholder="Header value"] .cm-content').first();
      await header.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.insertText(`Bearer ${token}`);
      expect(await header.innerText()).toBe(`Bearer ${token}`);
      await page.getByRole('button', { name: 'Done' }).click();

      const requested = page.waitForRequest(
        (req) =>
          req.method() === 'POST' && new URL(req.url()).pathname === '/graphql' && req.postDataJSON()?.operationName === 'KpisThisYear',
      );
      await page.getByText('Send Request', { exact: true }).click();
      expect((await requested).headers().authorization).toBe(`Bearer ${token}`);
      const result = page.locator('app-query-result .cm-content');
      await result.getByText('"associations-involved"').waitFor();
      const body = JSON.parse(await editorText(result)) as { data?: { kpis: typeof kpis }; errors?: unknown };
      expect(body.errors).toBeUndefined();
      expect(body.data?.kpis.find((k) => k.key === 'associations-involved')).toMatchObject(expected);
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'kpi-playground.png') });

      // Altair shows its offers once the saved windows are in and a request has been sent: none may show.
      const text = await page.locator('body').innerText();
      expect(text).toContain('KPIs this year');
      await page.locator('.header__menu-item app-icon[name=settings]').click();
      const menu = await page.locator('.ant-dropdown').innerText();
      expect(menu).toContain('Settings');
      await page.screenshot({ path: join(ARTIFACTS, 'kpi-playground-offers.png') });
      const offers = [
        /Altair AI/i,
        /\bAI\b/,
        /assistant/i,
        /sign[ -]?in/i,
        /log ?in with/i,
        /account/i,
        /upgrade/i,
        /\bpro\b/i,
        /donat/i,
        /plugin/i,
        /new version/i,
        /update available/i,
      ];
      for (const shown of [text, menu]) expect(offers.map((offer) => offer.exec(shown)?.[0]).filter(Boolean)).toEqual([]);
      expect(fresh.foreign).toEqual([]);
    } finally {
      await fresh.close();
    }
  }, 300_000);
});
