import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { parse, validate } from 'graphql';
import { chromium, type BrowserContext } from 'playwright-core';
import { exampleOperations } from '../../apps/api/src/ide/example-operations';
import { dataOf, startTestApp, type TestApp } from '../utils';
import { adminToken, buildKpiYear } from './kpi-data';

const ARTIFACTS = join(__dirname, '..', 'artifacts');

/**
 * TFI's way in: the self-hosted IDE in a real (headless) Chromium. The admin puts the token in the
 * tab's Authorization header, runs the saved "KPIs this year" operation and reads the figure.
 */
describe('the GraphQL playground, as TFI uses it', () => {
  let app: TestApp;
  let token: string;
  let year: number;
  let browser: BrowserContext;
  let profile: string;

  beforeAll(async () => {
    app = await startTestApp();
    token = await adminToken(app);
    ({ year } = await buildKpiYear(app.em()));
    profile = mkdtempSync(join(tmpdir(), 'mangfold-chromium-'));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      timeout: 60_000,
      viewport: { width: 1400, height: 900 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(profile, { recursive: true, force: true });
    await app.close();
  }, 120_000);

  it('opens with saved TFI operations that are valid against the schema and ask for this year', () => {
    const schema = app.api.get(GraphQLSchemaHost).schema;
    const operations = exampleOperations();
    const tfi = ['KPIs this year', 'Local associations involved', 'International Day participation', 'Status reports', 'Set a KPI target'];
    for (const name of tfi) {
      const op = operations.find((o) => o.name === name);
      expect(op).toBeDefined();
      expect({ name, errors: validate(schema, parse(op!.query)).map((e) => e.message) }).toEqual({ name, errors: [] });
      expect(op!.variables?.year).toBe(year);
    }
    expect(operations.map((o) => o.name)).toContain('Events awaiting moderation');
  });

  it("runs the saved KPI operation with the admin's token and shows this year's associations-involved figure", async () => {
    const expected = dataOf(await app.gql(`query($y: Int!) { kpi(key: "associations-involved", year: $y) { actual } }`, { y: year }, token))
      .kpi.actual as number;
    expect(expected).toBe(4);

    const page = await browser.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${app.url}/graphql`);
    await page.getByText('KPIs this year', { exact: true }).click();
    await page.locator('app-query-editor .cm-line', { hasText: 'query KpisThisYear' }).waitFor();

    // Log in through the tab's headers: the Authorization header the IDE prepares, with the token in it.
    await page.locator('a[track-id="show_set_headers"]').click();
    const header = page.locator('app-x-input[placeholder="Header value"] .cm-content').first();
    await header.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(`Bearer ${token}`);
    expect(await header.innerText()).toBe(`Bearer ${token}`);
    await page.getByRole('button', { name: 'Done' }).click();

    await page.getByText('Send Request', { exact: true }).click();
    const result = page.locator('app-query-result .cm-content');
    await result.getByText('"associations-involved"').waitFor();
    const text = await result.innerText();
    expect(text).not.toContain('"errors"');
    const figure = /"key": "associations-involved",[\s\S]*?"actual": (\d+)/.exec(text);
    expect(Number(figure?.[1])).toBe(expected);
    expect(text).toContain('"status": "MET"');

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'kpi-playground.png') });
  }, 120_000);

  it("offers no outside service inside the city's tool: no AI assistant, account, plugins, upgrades or updates", async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${app.url}/graphql`);
    await page.getByText('KPIs this year', { exact: true }).click();
    await page.locator('app-query-editor .cm-line', { hasText: 'query KpisThisYear' }).waitFor();
    await page.waitForLoadState('networkidle');
    // Altair shows its offers once the saved windows are in: send one request, so they have had their turn.
    await page.getByText('Send Request', { exact: true }).click();
    await page.locator('app-query-result .cm-content').getByText('"data"').waitFor();

    const text = await page.locator('body').innerText();
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'kpi-playground-offers.png') });
    expect(text).toContain('KPIs this year');
    await page.locator('.header__menu-item app-icon[name=settings]').click();
    const menu = await page.locator('.ant-dropdown').innerText();
    expect(menu).toContain('Settings');
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
    await page.close();
  }, 120_000);
});
