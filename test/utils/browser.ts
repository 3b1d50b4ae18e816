import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** The WCAG tags every page is checked for (WEB.md). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Debian's Chromium, driven by playwright-core, as a person's browser: one context per call, with
 * JavaScript on or off, that records every request made to a host other than the app's own (and
 * refuses it, so a test never reaches the network).
 */
export class TestBrowser {
  private constructor(
    private readonly browser: Browser,
    private readonly profile: string,
  ) {}

  static async launch(): Promise<TestBrowser> {
    const profile = mkdtempSync(join(tmpdir(), 'mangfold-browser-'));
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      timeout: 60_000,
      args: CHROMIUM_ARGS,
    });
    return new TestBrowser(browser, profile);
  }

  /** A fresh context (no cookies, no storage) whose requests to other hosts land in `foreign`. */
  async context(appUrl: string, options: { javaScript?: boolean; width?: number; locale?: string } = {}): Promise<SiteContext> {
    const context = await this.browser.newContext({
      javaScriptEnabled: options.javaScript ?? true,
      viewport: { width: options.width ?? 1280, height: 900 },
      locale: options.locale,
    });
    const origin = new URL(appUrl).origin;
    const foreign: string[] = [];
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (url.startsWith('data:') || new URL(url).origin === origin) return route.continue();
      foreign.push(url);
      return route.abort();
    });
    return new SiteContext(context, appUrl, foreign, options.javaScript ?? true);
  }

  async close(): Promise<void> {
    await this.browser.close();
    rmSync(this.profile, { recursive: true, force: true });
  }
}

export interface PageReport {
  status: number;
  violations: { id: string; impact?: string | null; help: string; targets: string[] }[];
  cookies: string[];
  foreign: string[];
  storage: { local: number; session: number };
  /** Width of the document beyond the viewport, in CSS pixels (0 when nothing scrolls sideways). */
  horizontalOverflow: number;
}

export class SiteContext {
  constructor(
    readonly context: BrowserContext,
    readonly appUrl: string,
    readonly foreign: string[],
    readonly javaScript: boolean,
  ) {}

  async open(path: string): Promise<{ page: Page; status: number }> {
    const page = await this.context.newPage();
    page.setDefaultTimeout(30_000);
    const response = await page.goto(new URL(path, this.appUrl).toString());
    return { page, status: response?.status() ?? 0 };
  }

  /**
   * Everything WEB.md asks of a public page, measured: status, axe violations for the WCAG 2.1 A/AA
   * tags, cookies, storage, requests to other hosts, and sideways scrolling at 320 px.
   */
  async check(path: string): Promise<PageReport> {
    // axe and the measurements run inside the page: journeys without JavaScript use open() instead.
    if (!this.javaScript) throw new Error('check() needs a context with JavaScript on; use open() for JavaScript-off journeys');
    const { page, status } = await this.open(path);
    const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    await page.setViewportSize({ width: 320, height: 800 });
    const horizontalOverflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    const storage = await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length }));
    const cookies = (await this.context.cookies()).map((c) => c.name);
    await page.close();
    return {
      status,
      violations: axe.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(' ')),
      })),
      cookies,
      foreign: [...this.foreign],
      storage,
      horizontalOverflow,
    };
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

/** What a clean public page reports; compare with `expect(report).toEqual(cleanPage())` for readable failures. */
export function cleanPage(): PageReport {
  return { status: 200, violations: [], cookies: [], foreign: [], storage: { local: 0, session: 0 }, horizontalOverflow: 0 };
}
