import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Locator, Page } from 'playwright-core';
import { DemoSeeder } from '@mangfold/prisma-free-db';
import { ACCESS_TOKEN_VARIABLE, exampleOperations } from '../../apps/api/src/ide/example-operations';
import { startTestApp, TestBrowser, type SiteContext, type TestApp } from '../utils';
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
});
