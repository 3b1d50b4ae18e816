import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { createAssociation, createUser, TEST_PASSWORD } from '../factories';
import { uidOf, waitForFeed } from '../feeds/feed-helpers';
import { SmtpSink, startTestApp, TestBrowser, waitFor, type SiteContext, type TestApp } from '../utils';
import { type Driver, keyboardDriver, mouseDriver } from './journey-driver';
import { Membership } from '@mangfold/associations';

const PASSWORD = 'en-lang-adgangskode-til-portalen';

/** Who takes part in one run of the journey; every name is the run's own, so both runs share one app. */
interface Cast {
  suffix: string;
  association: string;
  volunteer: { name: string; email: string };
  partner: { association: string; email: string };
  event: { da: string; en: string };
  citizen: { name: string; email: string };
}

function castFor(suffix: string): Cast {
  return {
    suffix,
    association: `Nørrebro Madklub ${suffix}`,
    volunteer: { name: `Sara ${suffix}`, email: `sara-${suffix}@example.org` },
    partner: { association: `Fælleshaven ${suffix}`, email: `partner-${suffix}@example.org` },
    event: { da: `Fredagscafé ${suffix}`, en: `Friday café ${suffix}` },
    citizen: { name: `Karim ${suffix}`, email: `karim-${suffix}@example.org` },
  };
}

interface When {
  start: DateTime;
  end: DateTime;
  until: DateTime;
}

/**
 * The first occurrence starts within the next day, when check-in is open (from 24 hours before),
 * between 13:00 and 21:00 so the time fields (12-hour in the test browser) read typed hours alone.
 */
function firstOccurrence(): When {
  const soon = DateTime.now().setZone('Europe/Copenhagen').plus({ hours: 2 }).startOf('hour');
  const start = soon.hour < 13 ? soon.set({ hour: 13 }) : soon.hour > 21 ? soon.plus({ days: 1 }).set({ hour: 13 }) : soon;
  return { start, end: start.plus({ hours: 2 }), until: start.plus({ weeks: 3 }) };
}

/** A button's name with its visually hidden "for whom" (a block box, so a space may come before the colon). */
const forWhom = (action: string, who: string) => new RegExp(`^${action}\\s?: ${who}$`);

/** The first cells of a CSV line (our export quotes only cells that need it; these do not). */
function csvRows(text: string): Record<string, string>[] {
  const [header, ...lines] = text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  const names = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [names[i], cell])));
}

/**
 * Issue 14's volunteer journey in Debian's Chromium, twice: with the keyboard alone (JavaScript on,
 * focus and axe checked on every page) and with the mouse and JavaScript off. An association signs
 * up, TFI approves it, the volunteer creates a weekly event for an occasion, a co-organiser
 * accepts, TFI publishes, the event reaches its pages and feeds, a citizen registers, and the
 * volunteer checks them in and downloads the CSV.
 */
describe('the volunteer journey in the browser', () => {
  let sink: SmtpSink;
  let app: TestApp;
  let browser: TestBrowser;
  /** The mail's links point at PUBLIC_BASE_URL; the test server is elsewhere. */
  const local = (url: string) => url.replace(app.config.http.publicBaseUrl, app.url);

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    app = await startTestApp({ worker: true, env: { SMTP_URL: sink.url } });
    browser = await TestBrowser.launch();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await sink?.stop();
  });

  /** The link of a mail to `to` that carries one matching `link`, waiting for it to arrive. */
  async function mailLink(to: string, link: RegExp): Promise<string> {
    await waitFor(() => sink.to(to).some((m) => link.test(m.parsed.text ?? '')), 20_000, `a mail to ${to} with ${link}`);
    const mail = sink.to(to).find((m) => link.test(m.parsed.text ?? ''))!;
    return local(link.exec(mail.parsed.text!)![0]);
  }

  async function status(page: Page): Promise<string> {
    return (await page.getByRole('status').innerText()).trim();
  }

  async function login(d: Driver, page: Page, email: string, password: string, heading: string | RegExp): Promise<void> {
    await d.arrive(page, 'Log ind');
    await d.fill(page, page.getByLabel('E-mail'), email);
    await d.fill(page, page.getByLabel('Adgangskode'), password);
    await d.go(page, page.getByRole('button', { name: 'Log ind' }));
    await d.arrive(page, heading);
  }

  async function signUp(d: Driver, page: Page, cast: Cast): Promise<void> {
    await d.arrive(page, 'Log ind');
    await d.go(page, page.getByRole('link', { name: /Tilmeld foreningen/ }));
    await d.arrive(page, 'Tilmeld jeres forening');
    await d.fill(page, page.getByLabel('Foreningens navn'), cast.association);
    await d.fill(page, page.getByLabel('Beskrivelse på dansk'), 'Vi laver mad sammen hver fredag.');
    await d.select(page, page.getByLabel('Bydel'), 'Nørrebro');
    await d.fill(page, page.getByLabel('Dit navn'), cast.volunteer.name);
    await d.fill(page, page.getByLabel('Din e-mail (bruges til at logge ind)'), cast.volunteer.email);
    await d.fill(page, page.getByLabel(/Vælg en adgangskode/), PASSWORD);
    await d.go(page, page.getByRole('button', { name: 'Tilmeld foreningen' }));
    await d.arrive(page, 'Tak for tilmeldingen');
    await expect(page.locator('main').innerText()).resolves.toContain('venter nu på, at TaskForce Integration godkender den');
  }

  async function approve(d: Driver, tfi: Page, cast: Cast): Promise<void> {
    await d.go(tfi, tfi.getByRole('link', { name: 'Foreninger til godkendelse' }));
    await d.arrive(tfi, 'Foreninger til godkendelse');
    await d.go(tfi, tfi.getByRole('button', { name: forWhom('Godkend', cast.association) }));
    await d.arrive(tfi, 'Foreninger til godkendelse');
    expect(await status(tfi)).toBe('Foreningen er godkendt.');
    await expect(tfi.getByRole('heading', { name: cast.association }).count()).resolves.toBe(1);
    await expect(tfi.getByRole('button', { name: forWhom('Godkend', cast.association) }).count()).resolves.toBe(0);
  }

  async function createEvent(d: Driver, page: Page, cast: Cast, when: When): Promise<void> {
    await d.go(page, page.getByRole('link', { name: 'Opret et arrangement' }));
    await d.arrive(page, 'Opret et arrangement');
    await d.select(page, page.getByLabel('Forening', { exact: true }), cast.association);
    await d.fill(page, page.getByLabel('Titel på dansk'), cast.event.da);
    await d.fill(page, page.getByLabel('Titel på engelsk'), cast.event.en);
    await d.fill(page, page.getByLabel('Beskrivelse på dansk'), 'Kaffe, kage og samtale. Alle er velkomne.');
    await d.select(page, page.getByLabel('Anledning'), /^Nowruz/);
    await d.date(page, page.getByLabel('Startdato'), when.start.toISODate()!);
    await d.time(page, page.getByLabel('Starttid'), when.start.toFormat('HH:mm'));
    await d.date(page, page.getByLabel('Slutdato'), when.end.toISODate()!);
    await d.time(page, page.getByLabel('Sluttid'), when.end.toFormat('HH:mm'));
    await d.select(page, page.getByLabel('Gentagelse', { exact: true }), 'Hver uge');
    await d.date(page, page.getByLabel('Gentages til og med'), when.until.toISODate()!);
    await d.fill(page, page.getByLabel('Stedets navn'), 'Beboerhuset');
    await d.fill(page, page.getByLabel('Adresse', { exact: true }), 'Mjølnerparken 1');
    await d.fill(page, page.getByLabel('Postnummer'), '2200');
    await d.fill(page, page.getByLabel('By', { exact: true }), 'København N');
    await d.check(page, page.getByLabel('Deltagerne skal tilmelde sig'));
    await d.fill(page, page.getByLabel(/Antal pladser/), '20');
    await d.check(page, page.getByLabel('Dansk', { exact: true }));
    await d.go(page, page.getByRole('button', { name: 'Gem' }));
    await d.arrive(page, cast.event.da);
    expect(await status(page)).toBe('Arrangementet er oprettet som kladde.');
    await expect(page.locator('dl.facts').innerText()).resolves.toMatch(/Status\s+Kladde/);
  }

  async function invite(d: Driver, page: Page, cast: Cast): Promise<void> {
    await d.select(page, page.getByLabel('Forening', { exact: true }), cast.partner.association);
    await d.go(page, page.getByRole('button', { name: 'Send invitation' }));
    await d.arrive(page, cast.event.da);
    expect(await status(page)).toBe('Invitationen er sendt.');
    await expect(page.locator('main').innerText()).resolves.toContain(`${cast.partner.association} (medarrangør, inviteret)`);
  }

  async function accept(d: Driver, site: SiteContext, cast: Cast): Promise<void> {
    const link = await mailLink(cast.partner.email, /http:\/\/mangfold\.test\/portal(?![\w/?])/);
    const { page } = await site.open(link);
    await login(d, page, cast.partner.email, TEST_PASSWORD, 'Goddag, Test User');
    await expect(page.locator('main').innerText()).resolves.toContain(`${cast.event.da}`);
    await d.go(page, page.getByRole('link', { name: cast.event.da }));
    await d.arrive(page, cast.event.da);
    await expect(page.locator('main').innerText()).resolves.toContain(`Invitationen gælder ${cast.partner.association}.`);
    await d.go(page, page.getByRole('button', { name: 'Tag imod invitationen' }));
    await d.arrive(page, cast.event.da);
    expect(await status(page)).toBe('I er nu medarrangør.');
    await expect(page.locator('main').innerText()).resolves.toContain(`${cast.partner.association} (medarrangør, har takket ja)`);
    await page.close();
  }

  async function publish(d: Driver, tfi: Page, cast: Cast): Promise<void> {
    await d.go(tfi, tfi.getByRole('link', { name: 'Til godkendelse', exact: true }));
    await d.arrive(tfi, 'Arrangementer til godkendelse');
    await d.go(tfi, tfi.getByRole('link', { name: cast.event.da }));
    await d.arrive(tfi, cast.event.da);
    await expect(tfi.locator('dl.facts').innerText()).resolves.toMatch(/Status\s+Sendt til godkendelse/);
    await d.go(tfi, tfi.getByRole('button', { name: 'Offentliggør' }));
    await d.arrive(tfi, cast.event.da);
    expect(await status(tfi)).toBe('Arrangementet er offentliggjort.');
    await expect(tfi.locator('dl.facts').innerText()).resolves.toMatch(/Status\s+Offentliggjort/);
  }

  /** The public event page, then its district, association and occasion pages and their feeds. */
  async function publicPagesAndFeeds(d: Driver, page: Page, cast: Cast, eventId: string): Promise<string> {
    await d.go(page, page.getByRole('link', { name: 'Se den offentlige side' }));
    await d.arrive(page, cast.event.da);
    const publicUrl = page.url();
    const main = await page.locator('main').innerText();
    for (const expected of [
      /Hver uge/,
      new RegExp(cast.association),
      new RegExp(cast.partner.association),
      /Nowruz/,
      /20 ledige pladser/,
    ]) {
      expect(main).toMatch(expected);
    }
    const uid = uidOf(app, eventId);
    for (const name of ['Nørrebro', cast.association, 'Nowruz']) {
      await d.go(page, page.locator('main').getByRole('link', { name, exact: true }).first());
      await d.arrive(page, new RegExp(name));
      await expect(page.locator('main').getByRole('link', { name: cast.event.da }).count()).resolves.toBeGreaterThan(0);
      const feedUrl = await page.getByRole('link', { name: 'Kalenderadresse (.ics) til at kopiere' }).getAttribute('href');
      const feedPath = new URL(local(feedUrl!));
      const path = `${feedPath.pathname}${feedPath.search}`;
      const feed = await waitForFeed(app, path, (cal) => cal.events.some((e) => e.uid === uid), 30_000);
      const vevent = feed.calendar!.events.find((e) => e.uid === uid)!;
      expect([path, vevent.summary, vevent.rrule]).toEqual([
        path,
        cast.event.da,
        expect.stringMatching(/^FREQ=WEEKLY;(.*;)?UNTIL=\d{8}T\d{6}Z/),
      ]);
      await page.goto(publicUrl);
    }
    return new URL(publicUrl).pathname;
  }

  async function citizenRegisters(d: Driver, site: SiteContext, cast: Cast, publicPath: string): Promise<void> {
    const { page } = await site.open(publicPath);
    await d.arrive(page, cast.event.da);
    await d.fill(page, page.getByLabel('Navn', { exact: true }), cast.citizen.name);
    await d.fill(page, page.getByLabel('E-mail'), cast.citizen.email);
    await d.check(page, page.getByLabel(/Jeg har læst privatlivspolitikken/));
    await d.go(page, page.getByRole('button', { name: 'Tilmeld', exact: true }));
    await d.arrive(page, 'Du er tilmeldt');
    await page.close();
  }

  async function checkInAndCsv(d: Driver, page: Page, cast: Cast): Promise<void> {
    await d.go(page, page.getByRole('link', { name: 'Tilmeldinger' }));
    await d.arrive(page, `Tilmeldinger: ${cast.event.da}`);
    const row = page.getByRole('row', { name: new RegExp(cast.citizen.name) });
    await expect(row.innerText()).resolves.toMatch(new RegExp(`${cast.citizen.email}\\s+1\\s+Bekræftet`));
    await d.go(page, page.getByRole('button', { name: forWhom('Tjek ind', cast.citizen.name) }));
    await d.arrive(page, `Tilmeldinger: ${cast.event.da}`);
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
    expect(await status(page)).toBe('Deltageren er tjekket ind.');
    await expect(row.innerText()).resolves.toContain('Mødt op');
    const csv = csvRows(await d.download(page, page.getByRole('link', { name: 'Hent alle som CSV' })));
    expect(csv).toEqual([
      expect.objectContaining({ status: 'CONFIRMED', name: cast.citizen.name, email: cast.citizen.email, party_size: '1' }),
    ]);
    expect(new Date(csv[0].checked_in_at).getTime()).toBeGreaterThan(Date.now() - 10 * 60_000);
  }

  it.each([
    ['with the keyboard alone', true],
    ['with JavaScript off', false],
  ])(
    'signs up, gets approved, creates, co-organises, publishes, and runs the registrations %s',
    async (_how, javaScript) => {
      const d = javaScript ? keyboardDriver : mouseDriver;
      const cast = castFor(javaScript ? 'tastatur' : 'uden-js');
      const when = firstOccurrence();
      // The partner association is already on board: a member of an approved association.
      const em = app.em();
      const partner = await createUser(em, { email: cast.partner.email });
      const partnerAssociation = await createAssociation(em, { name: cast.partner.association });
      em.create(Membership, { user: partner, association: partnerAssociation });
      await em.flush();

      const options = { javaScript, locale: 'da-DK' };
      const [volunteerSite, tfiSite, partnerSite, citizenSite] = await Promise.all(
        [0, 1, 2, 3].map(() => browser.context(app.url, options)),
      );
      try {
        const { page } = await volunteerSite.open('/portal/login');
        await signUp(d, page, cast);

        const { page: tfi } = await tfiSite.open('/portal/login');
        await login(d, tfi, app.config.auth.adminEmail!, app.config.auth.adminPassword!, /^Goddag/);
        await approve(d, tfi, cast);

        await page.goto(await mailLink(cast.volunteer.email, /http:\/\/mangfold\.test\/portal\/login/));
        await login(d, page, cast.volunteer.email, PASSWORD, `Goddag, ${cast.volunteer.name}`);
        await expect(page.locator('main').innerText()).resolves.toContain(`${cast.association} (godkendt)`);
        await createEvent(d, page, cast, when);
        const eventId = /\/portal\/events\/([0-9a-f-]{36})/.exec(page.url())![1];
        await invite(d, page, cast);
        await accept(d, partnerSite, cast);

        await d.go(page, page.getByRole('button', { name: 'Send til godkendelse' }));
        await d.arrive(page, cast.event.da);
        expect(await status(page)).toBe('Arrangementet er sendt til TFI til godkendelse.');
        await expect(page.locator('main').innerText()).resolves.toContain(`${cast.partner.association} (medarrangør, har takket ja)`);

        await publish(d, tfi, cast);
        await d.go(page, page.getByRole('link', { name: 'Oversigt', exact: true }));
        await d.arrive(page, `Goddag, ${cast.volunteer.name}`);
        await expect(page.locator('section[aria-labelledby="status-PUBLISHED"]').innerText()).resolves.toMatch(
          new RegExp(`Offentliggjort \\(1\\)\\s+${cast.event.da}`),
        );
        await d.go(page, page.getByRole('link', { name: cast.event.da }));
        await d.arrive(page, cast.event.da);
        await expect(page.locator('dl.facts').innerText()).resolves.toMatch(/Status\s+Offentliggjort/);
        const portalEventPath = new URL(page.url()).pathname;
        const publicPath = await publicPagesAndFeeds(d, page, cast, eventId);
        await citizenRegisters(d, citizenSite, cast, publicPath);

        await page.goto(`${app.url}${portalEventPath}`);
        await d.arrive(page, cast.event.da);
        await checkInAndCsv(d, page, cast);
      } finally {
        await Promise.all([volunteerSite, tfiSite, partnerSite, citizenSite].map((s) => s.close()));
      }
    },
    900_000,
  );
});
