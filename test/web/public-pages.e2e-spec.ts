import { DateTime } from 'luxon';
import { type Association, AssociationKind, AssociationStatus, type District, HousingArea } from '@mangfold/associations';
import { Event as EventEntity, EventStatus, Occasion } from '@mangfold/calendar';
import { SITE_LANGUAGES, sitePaths, type SiteLanguage } from '@mangfold/config';
import { PRIVACY_NOTICE_VERSION, InternationalDay, ParticipationActivity, ParticipationStatus } from '@mangfold/registrations';
import { DemoSeeder } from '@mangfold/prisma-free-db';
import { createAssociation, createEvent, createInternationalDay, createParticipation } from '../factories';
import { checkLinks, cleanPage, crawlSite, startTestApp, TestBrowser, type TestApp } from '../utils';

const HOSTILE_NAME = `<script>alert("name")</script> "Quoted" & Co's forening`;
const HOSTILE_DESCRIPTION = `We say "hello" & <script>alert('description')</script><img src=x onerror=alert(1)>`;
const HOSTILE_WEBSITE = 'javascript:alert(document.cookie)';

/*
 * Event pages, the events listing (with its RSS and embed) and the atlas are built on other
 * branches at the same time: links to exactly those are left out until they are merged.
 * The lead removes this exclusion after merging.
 */

/** Every public page this branch builds, in both languages, on the demo data plus hostile text. */
describe('the public pages', () => {
  let app: TestApp;
  let browser: TestBrowser;
  let hostile: Association;
  let project: Association;
  let quiet: Association;
  let district: District;
  let area: HousingArea;
  let occasion: Occasion;
  let event: EventEntity;
  let dayYear: number;

  const paths = (lang: SiteLanguage): string[] => [
    sitePaths.home(lang),
    sitePaths.associations(lang),
    sitePaths.association(lang, hostile.slug),
    sitePaths.projects(lang),
    sitePaths.project(lang, project.slug),
    sitePaths.district(lang, district.slug),
    sitePaths.housingArea(lang, area.slug),
    sitePaths.occasion(lang, occasion.slug),
    sitePaths.internationalDay(lang),
    sitePaths.internationalDay(lang, dayYear),
    sitePaths.subscribe(lang),
    sitePaths.privacy(lang),
    sitePaths.poster(lang, event.slug),
  ];
  const html = async (path: string) => {
    const res = await fetch(`${app.url}${path}`);
    return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
  };

  beforeAll(async () => {
    app = await startTestApp({ env: { PERSONAL_DATA_RETENTION_DAYS: '45' } });
    browser = await TestBrowser.launch();
    const em = app.em();
    expect(await new DemoSeeder().load(em)).toBe(true);
    area = await em.findOneOrFail(HousingArea, { district: { $ne: null } }, { populate: ['district'], orderBy: { slug: 'asc' } });
    district = area.district;
    occasion = await em.findOneOrFail(Occasion, { dates: { $some: {} } }, { orderBy: { slug: 'asc' } });

    hostile = await createAssociation(em, {
      name: HOSTILE_NAME,
      slug: 'hostile-forening',
      districtSlug: district.slug,
      showContact: true,
      contactEmail: 'open@forening.example',
    });
    hostile.description = { da: HOSTILE_DESCRIPTION, en: HOSTILE_DESCRIPTION };
    hostile.website = HOSTILE_WEBSITE;
    hostile.housingArea = area;
    quiet = await createAssociation(em, {
      name: 'Stille Forening',
      slug: 'stille-forening',
      contactEmail: 'hidden@forening.example',
      showContact: false,
    });
    quiet.contactPhone = '+45 12 34 56 78';
    project = await createAssociation(em, {
      name: 'Brobyggerne',
      slug: 'brobyggerne',
      kind: AssociationKind.PROJECT,
      districtSlug: district.slug,
    });
    await em.flush();
    event = await createEvent(em, {
      slug: 'hostile-fest',
      title: { da: `Fest <script>alert("title")</script> "med" citater`, en: 'Party <b>bold</b>' },
      organiser: hostile,
      coOrganisers: [project],
      districtSlug: district.slug,
      occasionSlug: occasion.slug,
      startsAt: DateTime.now()
        .setZone('Europe/Copenhagen')
        .plus({ days: 3 })
        .set({ hour: 17, minute: 0, second: 0, millisecond: 0 })
        .toJSDate(),
    });
    event.housingArea = area;
    await em.flush();
    await createEvent(em, { slug: 'draft-fest', status: EventStatus.DRAFT, organiser: hostile });

    // The coming International Day (the demo also keeps the last one held, in an earlier year).
    const day = await em.findOneOrFail(InternationalDay, { year: { $gt: 0 } }, { orderBy: { year: 'desc' } });
    dayYear = day.year;
    await createParticipation(em, day, {
      association: hostile,
      status: ParticipationStatus.CONFIRMED,
      activities: [ParticipationActivity.PERFORMANCE],
    });
    await createParticipation(em, day, { association: quiet, status: ParticipationStatus.PENDING });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it.each(['da', 'en'] as const)(
    'passes axe on every page type (%s), sets no cookie, stores nothing, loads nothing from other hosts and fits 320 px',
    async (lang) => {
      const site = await browser.context(app.url);
      try {
        for (const path of paths(lang)) expect({ path, ...(await site.check(path)) }).toEqual({ path, ...cleanPage() });
        const missing = `${sitePaths.associations(lang)}/no/such/page`;
        expect({ path: missing, ...(await site.check(missing)) }).toEqual({ path: missing, ...cleanPage(), status: 404 });
      } finally {
        await site.close();
      }
    },
    480_000,
  );

  it.each(['da', 'en'] as const)('shows what associations typed as text, never as markup or script links (%s)', async (lang) => {
    for (const path of [
      sitePaths.association(lang, hostile.slug),
      sitePaths.associations(lang),
      sitePaths.district(lang, district.slug),
      sitePaths.housingArea(lang, area.slug),
      sitePaths.internationalDay(lang, dayYear),
      sitePaths.home(lang),
      sitePaths.poster(lang, event.slug),
    ]) {
      const { status, body } = await html(path);
      expect({ path, status }).toEqual({ path, status: 200 });
      expect(body).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
      expect(body).not.toMatch(/<img/);
      expect(body).not.toMatch(/href="javascript:/i);
      expect(body).toContain(`&lt;script>alert(&quot;name&quot;)&lt;/script> &quot;Quoted&quot; &amp; Co's forening`);
    }
    const page = (await html(sitePaths.association(lang, hostile.slug))).body;
    expect(page).toContain('&lt;img src=x onerror=alert(1)>');
    // The javascript: website is shown as the text it is, not as a link.
    expect(page).toContain(`<dd>${HOSTILE_WEBSITE}</dd>`);
  });

  it('shows an association: kind, district, housing area, upcoming events with links, past events, its feed, contact only when opted in', async () => {
    const { body } = await html(sitePaths.association('en', hostile.slug));
    expect(body).toContain('<h1>&lt;script>');
    expect(body).toContain(`href="${sitePaths.district('en', district.slug)}"`);
    expect(body).toContain(`href="${sitePaths.housingArea('en', area.slug)}"`);
    expect(body).toContain(`href="${sitePaths.event('en', event.slug)}"`);
    expect(body).toContain(`href="${sitePaths.pastEvents('en')}?association=${hostile.slug}"`);
    expect(body).toContain(`/calendar/associations/${hostile.slug}.ics?lang=en`);
    expect(body).toContain('href="mailto:open@forening.example"');
    expect(body).not.toContain('draft-fest');

    const quietPage = (await html(sitePaths.association('da', quiet.slug))).body;
    expect(quietPage).toContain('<h1>Stille Forening</h1>');
    expect(quietPage).not.toContain('hidden@forening.example');
    expect(quietPage).not.toContain('12 34 56 78');
  });

  it('answers a 404 page in the layout for unknown, pending and suspended associations, unknown places and years, and unknown paths under the sections', async () => {
    const em = app.em();
    await createAssociation(em, { slug: 'pending-forening', status: AssociationStatus.PENDING });
    await createAssociation(em, { slug: 'suspended-forening', status: AssociationStatus.SUSPENDED });
    const unannounced = await createInternationalDay(em, { startsAt: new Date('2099-06-06T09:00:00Z') });
    await em.nativeUpdate(EventEntity, { id: unannounced.event.id }, { status: EventStatus.DRAFT, publishedAt: null });
    for (const lang of SITE_LANGUAGES) {
      for (const path of [
        sitePaths.association(lang, 'pending-forening'),
        sitePaths.association(lang, 'suspended-forening'),
        sitePaths.association(lang, 'no-such-forening'),
        sitePaths.project(lang, 'no-such-project'),
        sitePaths.district(lang, 'no-such-district'),
        sitePaths.housingArea(lang, 'no-such-area'),
        sitePaths.occasion(lang, 'no-such-occasion'),
        sitePaths.internationalDay(lang, 1999),
        sitePaths.internationalDay(lang, 2099),
        `${sitePaths.internationalDay(lang)}/not-a-year`,
        sitePaths.poster(lang, 'draft-fest'),
        sitePaths.poster(lang, 'no-such-event'),
        `${sitePaths.associations(lang)}/a/b/c`,
        `${sitePaths.district(lang, district.slug)}/more`,
      ]) {
        const res = await html(path);
        expect({ path, status: res.status, type: res.type }).toEqual({ path, status: 404, type: 'text/html; charset=utf-8' });
        expect(res.body).toContain(`<html lang="${lang}">`);
        expect(res.body).toContain('<main id="main"');
        expect(res.body).toContain(lang === 'da' ? 'Siden findes ikke' : 'Page not found');
      }
    }
    expect((await html('/en/no-such-page')).body).toContain('Page not found');
    // Outside the site's sections the api keeps answering JSON.
    const api = await fetch(`${app.url}/no-such-api-path`);
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('keeps projects in the project bank: an association path to a project redirects there, and back for associations', async () => {
    const toProject = await fetch(`${app.url}${sitePaths.association('da', project.slug)}`, { redirect: 'manual' });
    expect(toProject.status).toBe(301);
    expect(toProject.headers.get('location')).toBe(sitePaths.project('da', project.slug));
    const toAssociation = await fetch(`${app.url}${sitePaths.project('en', hostile.slug)}`, { redirect: 'manual' });
    expect(toAssociation.status).toBe(301);
    expect(toAssociation.headers.get('location')).toBe(sitePaths.association('en', hostile.slug));

    const bank = (await html(sitePaths.projects('da'))).body;
    expect(bank).toContain(`href="${sitePaths.project('da', project.slug)}"`);
    expect(bank).toContain(`href="${sitePaths.project('da', 'valby-kulturbro')}"`);
    expect(bank).not.toContain(`href="${sitePaths.association('da', hostile.slug)}"`);
  });

  it('lists approved associations by kind and district, and filters by both', async () => {
    const all = (await html(sitePaths.associations('da'))).body;
    expect(all).toContain('<h2 id="kind-PROJECT">Projekter</h2>');
    expect(all).toContain('<h2 id="kind-EMBASSY">Ambassader</h2>');
    expect(all).not.toContain('pending-forening');
    const filtered = (await html(`${sitePaths.associations('en')}?kind=PROJECT&district=${district.slug}`)).body;
    expect(filtered).toContain(`href="${sitePaths.project('en', project.slug)}"`);
    expect(filtered).not.toContain(`href="${sitePaths.association('en', hostile.slug)}"`);
    const cards = filtered.match(/<li class="card">/g)!.length;
    expect(filtered).toContain(
      `<p role="status">${cards === 1 ? '1 association or organisation' : `${cards} associations and organisations`}</p>`,
    );
    expect(filtered).not.toContain('<h2 id="kind-ASSOCIATION">');
  });

  it('filters associations without JavaScript: the form is a GET whose answer keeps the choice', async () => {
    const site = await browser.context(app.url, { javaScript: false });
    try {
      const { page } = await site.open(sitePaths.associations('en'));
      await page.getByLabel('Kind').selectOption(AssociationKind.PROJECT);
      await page.getByLabel('District').selectOption(district.slug);
      await page.getByRole('button', { name: 'Show' }).click();
      await page.waitForURL(/kind=PROJECT/);
      expect(new URL(page.url()).pathname).toBe(sitePaths.associations('en'));
      await expect(page.getByRole('link', { name: 'Brobyggerne' }).count()).resolves.toBe(1);
      await expect(page.getByRole('link', { name: /Quoted/ }).count()).resolves.toBe(0);
      await expect(page.getByLabel('Kind').inputValue()).resolves.toBe(AssociationKind.PROJECT);
      await expect(page.getByLabel('District').inputValue()).resolves.toBe(district.slug);
    } finally {
      await site.close();
    }
  });

  it("shows a district's and a housing area's events, actors and feed; a housing area says it has no feed of its own", async () => {
    const d = (await html(sitePaths.district('da', district.slug))).body;
    expect(d).toContain(`href="${sitePaths.event('da', event.slug)}"`);
    expect(d).toContain(`href="${sitePaths.project('da', project.slug)}"`);
    expect(d).toContain(`href="${sitePaths.housingArea('da', area.slug)}"`);
    expect(d).toContain(`/calendar/districts/${district.slug}.ics`);

    const h = (await html(sitePaths.housingArea('en', area.slug))).body;
    expect(h).toContain(`href="${sitePaths.event('en', event.slug)}"`);
    expect(h).toContain(`href="${sitePaths.association('en', hostile.slug)}"`);
    expect(h).toContain('has no calendar of its own');
    expect(h).toContain(`/calendar/districts/${district.slug}.ics?lang=en`);
  });

  it('shows an occasion with its dates this year and next from the date table, and the events marking it', async () => {
    const year = Number(DateTime.now().setZone('Europe/Copenhagen').year);
    const { body } = await html(sitePaths.occasion('en', occasion.slug));
    expect(body).toContain(`<dt>In ${year}</dt>`);
    expect(body).toContain(`<dt>In ${year + 1}</dt>`);
    const dates = await app.em().find(Occasion, { slug: occasion.slug }, { populate: ['dates'] });
    const thisYear = dates[0].dates.getItems().find((d) => d.year === year);
    const month = (iso: string) =>
      new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
    const shown = /<dt>In \d{4}<\/dt><dd>([^<]*)<\/dd>/.exec(body)![1];
    expect(shown).toEqual(thisYear ? expect.stringContaining(month(thisYear.startsOn)) : 'The date has not been entered yet.');
    expect(body).toContain(`href="${sitePaths.event('en', event.slug)}"`);
    expect(body).toContain(`/calendar/occasions/${occasion.slug}.ics?lang=en`);
  });

  it('shows the International Day programme and its confirmed participants, never contact persons or pending ones', async () => {
    const { body } = await html(sitePaths.internationalDay('da', dayYear));
    expect(body).toContain(`<h1>International Dag ${dayYear}</h1>`);
    expect(body).toContain(`href="${sitePaths.event('da', 'international-dag')}"`);
    expect(body).toContain(`href="${sitePaths.association('da', hostile.slug)}"`);
    expect(body).toContain('(optræden)');
    expect(body).toContain('Indiens Ambassade</a> (stand, mad)');
    expect(body).not.toContain('Stille Forening');
    expect(body).not.toContain('Valby Kulturbro');
    expect(body).not.toContain('Contact Person');
    expect(body).not.toMatch(/@demo\.mangfold\.local|@test\.mangfold\.local/);

    const now = (await html(sitePaths.internationalDay('en'))).body;
    const thisYear = DateTime.now().setZone('Europe/Copenhagen').year;
    expect(now).toContain(`<h1>International Day ${thisYear}</h1>`);
  });

  it('shows this week, coming occasions with dates, International Day and the all-events feed on the front page', async () => {
    const { body } = await html(sitePaths.home('da'));
    expect(body).toContain(`href="${sitePaths.event('da', event.slug)}"`);
    // The demo's coming International Day: this year's until it is held, then next year's.
    expect(body).toContain(`href="${sitePaths.internationalDay('da', dayYear)}"`);
    expect(body).toMatch(/href="\/anledninger\/[^"]+">[^<]+<\/a>: \d+\./);
    expect(body).toContain('webcal://');
    expect(body).toContain(`href="${sitePaths.subscribe('da')}"`);
    expect(body).toMatch(/kl\. \d\d\.\d\d–\d\d\.\d\d/);
  });

  it('explains subscribing per calendar app with the webcal and https addresses of the all-events feed', async () => {
    const { body } = await html(sitePaths.subscribe('en'));
    const base = app.config.http.publicBaseUrl;
    expect(body).toContain(`${base}/calendar.ics?lang=en`);
    expect(body).toContain(`${base.replace(/^https?/, 'webcal')}/calendar.ics?lang=en`);
    for (const name of ['Apple Calendar on iPhone', 'Apple Calendar on Mac', 'Google Calendar', 'Outlook', 'Android'])
      expect(body).toContain(name);
  });

  it('serves the privacy notice in the layout with the retention period, the version and what it says about cookies', async () => {
    const da = await html(sitePaths.privacy('da'));
    expect(da.body).toContain('45 dage efter arrangementet');
    expect(da.body).toContain(PRIVACY_NOTICE_VERSION);
    expect(da.body).toContain('sætter ingen cookies');
    expect(da.body).toContain('<main id="main"');
    const en = await html(sitePaths.privacy('en'));
    expect(en.body).toContain('45 days after the event');
    expect(en.body).toContain('one strictly necessary cookie');
  });

  it('prints a poster with the event, its organisers and occasion, and a QR code of its page as inline SVG without style attributes', async () => {
    const { body } = await html(sitePaths.poster('en', event.slug));
    const url = `${app.config.http.publicBaseUrl}${sitePaths.event('en', event.slug)}`;
    expect(body).toContain(`<span class="url">${url}</span>`);
    expect(body).toMatch(/<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 \d+ \d+"/);
    expect(body).not.toMatch(/style=/);
    expect(body).toContain('Party &lt;b>bold&lt;/b>');
    expect(body).toContain('Brobyggerne');

    const site = await browser.context(app.url);
    try {
      const { page } = await site.open(sitePaths.poster('en', event.slug));
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('.site-header').isVisible()).resolves.toBe(false);
      await expect(page.locator('.qr-code svg').isVisible()).resolves.toBe(true);
    } finally {
      await site.close();
    }
  });

  it('names every public page in both languages with hreflang alternates in a sitemap that parses, and robots.txt points to it', async () => {
    const res = await fetch(`${app.url}/sitemap.xml`);
    expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const xml = await res.text();
    const site = await browser.context(app.url);
    let parsed: { error: boolean; urls: { loc: string; alternates: Record<string, string> }[] };
    try {
      const { page } = await site.open(sitePaths.subscribe('da'));
      parsed = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'application/xml');
        return {
          error: doc.getElementsByTagName('parsererror').length > 0,
          urls: [...doc.getElementsByTagNameNS('http://www.sitemaps.org/schemas/sitemap/0.9', 'url')].map((u) => ({
            loc: u.getElementsByTagNameNS('http://www.sitemaps.org/schemas/sitemap/0.9', 'loc')[0].textContent,
            alternates: Object.fromEntries(
              [...u.getElementsByTagNameNS('http://www.w3.org/1999/xhtml', 'link')].map((l) => [
                l.getAttribute('hreflang')!,
                l.getAttribute('href')!,
              ]),
            ),
          })),
        };
      }, xml);
    } finally {
      await site.close();
    }
    expect(parsed.error).toBe(false);
    const base = app.config.http.publicBaseUrl;
    const locs = parsed.urls.map((u) => u.loc.slice(base.length));
    for (const lang of SITE_LANGUAGES) {
      for (const path of [
        ...paths(lang).filter((p) => p !== sitePaths.poster(lang, event.slug)),
        sitePaths.event(lang, event.slug),
        sitePaths.accessibility(lang),
      ]) {
        expect(locs).toContain(path);
      }
      expect(locs).toContain(sitePaths.project(lang, 'valby-kulturbro'));
    }
    expect(locs).not.toContain(sitePaths.association('da', 'pending-forening'));
    expect(locs.some((l) => l.includes('draft-fest'))).toBe(false);
    for (const u of parsed.urls) {
      expect(Object.keys(u.alternates).sort()).toEqual(['da', 'en']);
      expect(Object.values(u.alternates)).toContain(u.loc);
    }
    // Every page the sitemap names answers 200.
    const mine = [...new Set(locs)];
    const result = await checkLinks(
      app.url,
      mine.map((path) => ({ url: `${app.url}${path}`, foundOn: 'sitemap.xml' })),
    );
    expect(result.dead).toEqual([]);
    expect(result.checked.length).toBe(mine.length);

    const robots = await (await fetch(`${app.url}/robots.txt`)).text();
    expect(robots.split('\n')).toEqual(
      expect.arrayContaining([
        'User-agent: *',
        'Allow: /',
        'Disallow: /portal',
        'Disallow: /registrations',
        `Sitemap: ${base}/sitemap.xml`,
      ]),
    );
  });

  it('has no dead link: every link on these pages, and on the pages they lead to, answers 200', async () => {
    const result = await crawlSite(app.url, [...paths('da'), ...paths('en')], { follow: true });
    expect(result.dead).toEqual([]);
    expect(result.checked.length).toBeGreaterThan(60);
  }, 120_000);
});
