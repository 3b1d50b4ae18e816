import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { WCAG_TAGS } from '../utils';

/**
 * How a person works a page in the browser journeys: with the keyboard alone (Tab, Shift+Tab,
 * Enter, Space, arrow keys and typing, with JavaScript on so focus and axe can be checked), or
 * with the mouse and JavaScript off. The journey is written once against this interface.
 */
export interface Driver {
  readonly keyboard: boolean;
  /** After a navigation: the page's one h1; with the keyboard also the skip link, visible focus and axe. */
  arrive(page: Page, heading: string | RegExp): Promise<void>;
  fill(page: Page, field: Locator, value: string): Promise<void>;
  /** A date field, as yyyy-mm-dd. */
  date(page: Page, field: Locator, iso: string): Promise<void>;
  /** A time field, as hh:mm. */
  time(page: Page, field: Locator, hhmm: string): Promise<void>;
  /** Chooses the option whose text matches. */
  select(page: Page, field: Locator, label: string | RegExp): Promise<void>;
  check(page: Page, box: Locator): Promise<void>;
  /** Follows a link or presses a button and waits for the next document. */
  go(page: Page, target: Locator): Promise<void>;
  /** Follows a link that answers with a download; the downloaded file's text. */
  download(page: Page, link: Locator): Promise<string>;
}

const MAX_TABS = 120;

async function headingIs(page: Page, heading: string | RegExp): Promise<void> {
  await expect(page.locator('h1').count()).resolves.toBe(1);
  const text = (await page.locator('h1').innerText()).trim();
  if (typeof heading === 'string') expect(text).toBe(heading);
  else expect(text).toMatch(heading);
}

/** Resolves once the main frame has committed a new document and loaded it. */
async function navigation(page: Page, act: () => Promise<void>): Promise<void> {
  const committed = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame(), timeout: 30_000 });
  await act();
  await committed;
  await page.waitForLoadState('load');
}

async function readDownload(page: Page, act: () => Promise<void>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), act()]);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** What has focus, for a failure message a person can read. */
function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return 'nothing';
    const label = (el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? '').trim().slice(0, 60);
    return `<${el.tagName.toLowerCase()}${el.id ? ` id="${el.id}"` : ''}> ${label}`;
  });
}

/** Whether the element has focus, and shows it: :focus-visible with an outline, on screen. */
function focusState(target: Locator): Promise<{ focused: boolean; visible: boolean }> {
  return target.evaluate((el) => {
    const focused = el === document.activeElement;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    const shown = el.matches(':focus-visible') && style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
    return { focused, visible: focused && shown && box.width > 0 && box.height > 0 };
  });
}

/**
 * Moves focus to `target` with Tab (or Shift+Tab when it lies before the focused element), one
 * key at a time as a person would, and checks the focus is visible once there.
 */
async function tabTo(page: Page, target: Locator): Promise<void> {
  await expect(target.count()).resolves.toBe(1);
  for (let i = 0; i < MAX_TABS; i++) {
    // One round trip a key: whether focus has arrived, else which way it lies.
    const key = await target.evaluate((el) => {
      const active = document.activeElement;
      if (active === el) return null;
      if (!active || active === document.body) return 'Tab';
      return active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING ? 'Tab' : 'Shift+Tab';
    });
    if (key === null) break;
    await page.keyboard.press(key);
  }
  const state = await focusState(target);
  if (!state.focused) throw new Error(`Tab never reached ${String(target)}; focus is on ${await describeFocus(page)}`);
  expect(state.visible).toBe(true);
}

export const keyboardDriver: Driver = {
  keyboard: true,
  async arrive(page, heading) {
    await headingIs(page, heading);
    await page.keyboard.press('Tab');
    const skip = page.locator('a.skip-link');
    expect(await focusState(skip)).toEqual({ focused: true, visible: true });
    await expect(skip.getAttribute('href')).resolves.toBe('#main');
    const box = await skip.boundingBox();
    expect(box && box.y >= 0).toBe(true);
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    const violations = axe.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' ')) }));
    expect({ url: page.url(), violations }).toEqual({ url: page.url(), violations: [] });
  },
  async fill(page, field, value) {
    await tabTo(page, field);
    await page.keyboard.type(value);
    await expect(field.inputValue()).resolves.toBe(value);
  },
  async date(page, field, iso) {
    await tabTo(page, field);
    const [y, m, d] = iso.split('-');
    // Chromium's date field takes the order of the browser's own language (en-US in the test
    // runner, whatever locale the page is given): month, day, year, each segment moving on when full.
    await page.keyboard.type(`${m}${d}${y}`);
    await expect(field.inputValue()).resolves.toBe(iso);
  },
  async time(page, field, hhmm) {
    await tabTo(page, field);
    // Like the date field, the time field follows the browser's en-US: hour (1 to 12), minute,
    // AM/PM. Typing 24-hour digits works only by chance ("15" becomes 3 PM; "20" is refused).
    const [hour, minute] = hhmm.split(':').map(Number);
    const twelve = hour % 12 === 0 ? 12 : hour % 12;
    await page.keyboard.type(`${String(twelve).padStart(2, '0')}${String(minute).padStart(2, '0')}${hour < 12 ? 'A' : 'P'}`);
    await expect(field.inputValue()).resolves.toBe(hhmm);
  },
  async select(page, field, label) {
    await tabTo(page, field);
    const { texts, selected } = await field.evaluate((el: HTMLSelectElement) => ({
      texts: [...el.options].map((o) => o.text),
      selected: el.selectedIndex,
    }));
    const wanted = texts.findIndex((t) => (typeof label === 'string' ? t === label : label.test(t)));
    if (wanted < 0) throw new Error(`no option ${String(label)} in ${texts.join(' | ')}`);
    for (let i = selected; i !== wanted; i += wanted > selected ? 1 : -1)
      await page.keyboard.press(wanted > selected ? 'ArrowDown' : 'ArrowUp');
    await expect(field.evaluate((el: HTMLSelectElement) => el.selectedIndex)).resolves.toBe(wanted);
  },
  async check(page, box) {
    await tabTo(page, box);
    if (!(await box.isChecked())) await page.keyboard.press('Space');
    await expect(box.isChecked()).resolves.toBe(true);
  },
  async go(page, target) {
    await tabTo(page, target);
    await navigation(page, () => page.keyboard.press('Enter'));
  },
  async download(page, link) {
    await tabTo(page, link);
    return readDownload(page, () => page.keyboard.press('Enter'));
  },
};

export const mouseDriver: Driver = {
  keyboard: false,
  arrive: headingIs,
  async fill(_page, field, value) {
    await field.fill(value);
  },
  async date(_page, field, iso) {
    await field.fill(iso);
  },
  async time(_page, field, hhmm) {
    await field.fill(hhmm);
  },
  async select(_page, field, label) {
    const texts = await field.locator('option').allTextContents();
    const match = texts.find((t) => (typeof label === 'string' ? t === label : label.test(t)));
    if (match === undefined) throw new Error(`no option ${String(label)} in ${texts.join(' | ')}`);
    await field.selectOption({ label: match });
  },
  async check(_page, box) {
    await box.check();
  },
  async go(page, target) {
    await navigation(page, () => target.click());
  },
  async download(page, link) {
    return readDownload(page, () => link.click());
  },
};
