import AxeBuilder from '@axe-core/playwright';
import { parseDocument, DomUtils } from 'htmlparser2';
import { type Association, District } from '@mangfold/associations';
import { type Event, EventKind, EventStatus } from '@mangfold/calendar';
import { sitePaths } from '@mangfold/config';
import { createAssociation, createEvent } from '../factories';
import { publishNow, uidOf } from '../feeds/feed-helpers';
import { cleanPage, parseCalendar, SmtpSink, startTestApp, TestBrowser, waitFor, WCAG_TAGS, type TestApp } from '../utils';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** The JSON-LD of an event page, parsed. */
function jsonLdOf(html: string): Record<string, any> {
  const m = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  if (!m) throw new Error('no JSON-LD');
  return JSON.parse(m[1]) as Record<string, any>;
}

describe('the events pages', () => {
  let sink: SmtpSink;
  let app: TestApp;
  let browser: TestBrowser;
  let norrebro: District;
  let organiser: Association;
  let coOrganiser: Association;
  let busy: Event;
  let cancelled: Event;
  let full: Event;
  let elsewhere: Event;
  let hostile: Event;

  const get = (path: string) => fetch(`${app.url}${path}`, { redirect: 'manual' });
  const post = (path: string, form: Record<string, string>) =>
    fetch(`${app.url}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
  /** The mail's links point at PUBLIC_BASE_URL; the test server is elsewhere. */
  const local = (url: string) => url.replace(app.config.http.publicBaseUrl, app.url);

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    app = await startTestApp({ worker: true, env: { SMTP_URL: sink.url } });
    browser = await TestBrowser.launch();
    const em = app.em();
    norrebro = (await em.find(District, {})).find((d) => d.name.da === 'Nørrebro')!;
    const valby = (await em.find(District, {})).find((d) => d.name.da === 'Valby')!;
    organiser = await createAssociation(em, { name: 'Nørrebro Kulturforening', slug: 'noerrebro-kulturforening' });
    coOrganiser = await createAssociation(em, { name: 'Valby Venner', slug: 'valby-venner' });
    const start = new Date(Math.ceil((Date.now() + 10 * DAY) / HOUR) * HOUR);
    busy = await createEvent(em, {
      title: { da: 'Fællesspisning på Nørrebro', en: 'Community dinner in Nørrebro' },
      description: { da: 'Vi laver mad sammen.\n\nAlle er velkomne.', en: 'We cook together.\n\nEveryone is welcome.' },
      startsAt: start,
      endsAt: new Date(start.getTime() + 2 * HOUR),
      recurrence: 'FREQ=WEEKLY;COUNT=4',
      capacity: 30,
      registrationRequired: true,
      districtSlug: norrebro.slug,
      occasionSlug: 'eid-al-fitr',
      organiser: organiser,
      coOrganisers: [coOrganiser],
      slug: 'faellesspisning-paa-noerrebro',
    });
    busy.languages = ['da', 'ar'];
    busy.location.name = 'Kulturhuset';
    busy.location.address = 'Nørrebrogade 1';
    busy.location.postalCode = '2200';
    busy.location.city = 'København N';
    busy.audience = { da: 'Familier', en: 'Families' };
    busy.accessibility = { da: 'Trinfri adgang', en: 'Step-free access' };
    busy.lastEndsAt = new Date(start.getTime() + 3 * 7 * DAY + 2 * HOUR);
    cancelled = await createEvent(em, {
      title: { da: 'Aflyst koncert', en: 'Cancelled concert' },
      startsAt: new Date(start.getTime() + DAY),
      status: EventStatus.CANCELLED,
      districtSlug: norrebro.slug,
      organiser: organiser,
      slug: 'aflyst-koncert',
    });
    cancelled.cancelledAt = new Date();
    cancelled.statusReason = 'Sygdom';
    full = await createEvent(em, {
      kind: EventKind.SEMINAR,
      title: { da: 'Fuldt seminar', en: 'Full seminar' },
      startsAt: new Date(start.getTime() + 2 * DAY),
      capacity: 2,
      registrationRequired: true,
      districtSlug: norrebro.slug,
      organiser: organiser,
      slug: 'fuldt-seminar',
    });
    full.seatsTaken = 2;
    elsewhere = await createEvent(em, {
      title: { da: 'Valby-dag', en: 'Valby day' },
      startsAt: new Date(start.getTime() + 3 * DAY),
      districtSlug: valby.slug,
      organiser: coOrganiser,
      slug: 'valby-dag',
    });
    hostile = await createEvent(em, {
      title: { da: '<script>alert("x")</script> "citat" & \'mere\'', en: '<script>alert("x")</script> "quote"' },
      description: { da: 'Se javascript:alert(1) og <img src=x onerror=alert(1)>', en: 'See javascript:alert(1)' },
      startsAt: new Date(start.getTime() + 4 * DAY),
      organiser: await createAssociation(em, { name: '<b>Forening</b> "x"', slug: 'hostile-forening' }),
      slug: 'hostile',
    });
    hostile.location.name = '</script><script>alert(2)</script>';
    await createEvent(em, {
      title: { da: 'Sidste års fest', en: "Last year's party" },
      startsAt: new Date(Date.now() - 40 * DAY),
      organiser: organiser,
      slug: 'sidste-aars-fest',
    });
    await createEvent(em, { title: { da: 'Kladde', en: 'Draft' }, status: EventStatus.DRAFT, organiser: organiser, slug: 'kladde' });
    await em.flush();
    await publishNow(app, busy.id, cancelled.id, full.id, elsewhere.id, hostile.id);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await sink?.stop();
  });

  it('passes axe, sets no cookie, stores nothing, loads nothing from elsewhere and fits 320 px on every page type in both languages', async () => {
    const site = await browser.context(app.url);
    try {
      for (const lang of ['da', 'en'] as const) {
        for (const path of [
          sitePaths.events(lang),
          `${sitePaths.events(lang)}?district=${norrebro.slug}&kind=cultural-event&free=yes`,
          sitePaths.pastEvents(lang),
          sitePaths.event(lang, busy.slug),
          sitePaths.event(lang, cancelled.slug),
          sitePaths.event(lang, full.slug),
          sitePaths.embedEvents(lang),
        ]) {
          expect({ path, ...(await site.check(path)) }).toEqual({ path, ...cleanPage() });
        }
        expect(await site.check(sitePaths.event(lang, 'findes-ikke'))).toEqual({ ...cleanPage(), status: 404 });
        expect(await site.check(`${sitePaths.events(lang)}?district=atlantis`)).toEqual({ ...cleanPage(), status: 400 });
      }
    } finally {
      await site.close();
    }
  }, 300_000);

  it('lists every upcoming event once per occurrence, soonest first, cancelled ones marked, drafts and past ones out', async () => {
    const html = await (await get(sitePaths.events('da'))).text();
    const doc = parseDocument(html);
    const titles = DomUtils.findAll((e) => e.name === 'h3', doc.children).map((h) => DomUtils.textContent(h).trim());
    expect(titles.filter((t) => t === 'Fællesspisning på Nørrebro')).toHaveLength(4);
    expect(titles).toContain('Aflyst koncert');
    expect(titles).not.toContain('Kladde');
    expect(titles).not.toContain('Sidste års fest');
    expect(titles[0]).toBe('Fællesspisning på Nørrebro');
    expect(html).toContain('<span class="badge cancelled">Aflyst</span>');
    expect(html).toContain('5 arrangementer passer');
    const en = await (await get(`${sitePaths.events('en')}?district=${norrebro.slug}`)).text();
    expect(en).toContain('3 events match');
    expect(en).toContain('Cancelled');
    expect(en).not.toContain('Valby day');
  });

  it('pages with next and previous links, and counts through the calendar service', async () => {
    const em = app.em();
    for (let i = 0; i < 25; i++) {
      await createEvent(em, {
        title: { da: `Møde ${i}`, en: `Meeting ${i}` },
        startsAt: new Date(Date.now() + (60 + i) * DAY),
        kind: EventKind.NETWORK_MEETING,
      });
    }
    const first = await (await get(`${sitePaths.events('da')}?kind=network-meeting`)).text();
    expect(first).toContain('25 arrangementer passer');
    const next = /<a href="([^"]+)" rel="next">/.exec(first)![1].replace(/&amp;/g, '&');
    const second = await (await get(next)).text();
    expect(second).toContain('Møde 24');
    expect(second).not.toContain('Møde 0<');
    const previous = /<a href="([^"]+)" rel="prev">/.exec(second)![1].replace(/&amp;/g, '&');
    const back = await (await get(previous)).text();
    expect(back).toContain('Møde 0<');
    expect(back).not.toMatch(/rel="prev"/);
  });

  it('says clearly which filter values name nothing, with a 400 and not a 500', async () => {
    const res = await get(`${sitePaths.events('da')}?district=atlantis&kind=picnic&language=1&free=maybe&from=2026-13-40`);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Bydelen »atlantis« findes ikke.');
    expect(html).toContain('Typen »picnic« findes ikke.');
    expect(html).toContain('»maybe« er ikke et valg for pris.');
    expect(html).toContain('»2026-13-40« er ikke en dato');
    const bad = await get(`${sitePaths.events('en')}?after=nonsense`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('That page no longer exists');
  });

  it('keeps the archive of ended events, newest first', async () => {
    const html = await (await get(sitePaths.pastEvents('en'))).text();
    expect(html).toContain("Last year's party");
    expect(html).not.toContain('Community dinner');
  });

  it('shows everything about an event, with JSON-LD carrying the required fields', async () => {
    const res = await get(sitePaths.event('en', busy.slug));
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const expected of [
      'Community dinner in Nørrebro',
      'Every week, 4 times in all',
      'Next dates',
      `href="${sitePaths.association('en', organiser.slug)}"`,
      `href="${sitePaths.association('en', coOrganiser.slug)}"`,
      `href="${sitePaths.occasion('en', 'eid-al-fitr')}"`,
      `href="${sitePaths.district('en', norrebro.slug)}"`,
      'Kulturhuset, Nørrebrogade 1, 2200 København N',
      'Arabic',
      'Families',
      'Step-free access',
      '30 seats left',
      `href="/calendar/events/${busy.slug}.ics?lang=en"`,
      `href="${sitePaths.poster('en', busy.slug)}"`,
      `<link rel="canonical" href="${app.config.http.publicBaseUrl}${sitePaths.event('en', busy.slug)}"/>`,
      `hrefLang="da" href="${app.config.http.publicBaseUrl}${sitePaths.event('da', busy.slug)}"`.replace('hrefLang', 'hreflang'),
      '<meta property="og:title" content="Community dinner in Nørrebro"/>',
    ]) {
      expect(html).toContain(expected);
    }
    const ld = jsonLdOf(html);
    expect(ld['@type']).toBe('Event');
    expect(ld.name).toBe('Community dinner in Nørrebro');
    expect(ld.startDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    expect(new Date(ld.startDate).getTime()).toBe(busy.startsAt.getTime());
    expect(ld.endDate).toMatch(/[+-]\d\d:\d\d$/);
    expect(ld.location).toMatchObject({
      '@type': 'Place',
      address: { '@type': 'PostalAddress', streetAddress: 'Nørrebrogade 1', postalCode: '2200', addressLocality: 'København N' },
    });
    expect(ld.eventStatus).toBe('https://schema.org/EventScheduled');
    expect(ld.organizer).toContainEqual(expect.objectContaining({ name: organiser.name }));
    expect(ld.offers).toMatchObject({ '@type': 'Offer', price: 0 });

    const da = await (await get(sitePaths.event('da', cancelled.slug))).text();
    expect(jsonLdOf(da).eventStatus).toBe('https://schema.org/EventCancelled');
    expect(da).toContain('Arrangementet er aflyst.');
    expect(da).toContain('Sygdom');
    expect(da).not.toContain('<form method="post"');
  });

  it('answers 404 in the layout for unknown slugs and for events that are not public', async () => {
    for (const slug of ['findes-ikke', 'kladde']) {
      const res = await get(sitePaths.event('da', slug));
      expect(res.status).toBe(404);
      const html = await res.text();
      expect(html).toContain('<h1>Siden findes ikke</h1>');
      expect(html).toContain('class="site-header"');
    }
  });

  it('shows what associations type as text: scripts, quotes and javascript: URLs never become markup', async () => {
    for (const path of [
      sitePaths.event('da', hostile.slug),
      sitePaths.events('da'),
      sitePaths.embedEvents('da'),
      sitePaths.eventsRss('da'),
    ]) {
      const body = await (await get(path)).text();
      expect(body).not.toContain('<script>alert');
      expect(body).not.toContain('<img src=x');
      expect(body).not.toContain('<b>Forening');
      expect(body).not.toMatch(/href="javascript:/i);
    }
    const html = await (await get(sitePaths.event('da', hostile.slug))).text();
    expect(jsonLdOf(html).name).toBe('<script>alert("x")</script> "citat" & \'mere\'');
    expect(html).not.toContain('</script><script>alert(2)');

    const site = await browser.context(app.url);
    try {
      const { page } = await site.open(sitePaths.event('da', hostile.slug));
      await expect(page.locator('h1').innerText()).resolves.toContain('<script>alert("x")</script> "citat"');
      await expect(page.locator('.prewrap').first().innerText()).resolves.toContain('<img src=x onerror=alert(1)>');
    } finally {
      await site.close();
    }
  });

  it('puts registration errors beside their fields and keeps the input', async () => {
    const res = await post(sitePaths.event('da', busy.slug), { name: '', email: 'ikke-en-adresse', phone: 'abc', partySize: '11' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('value="ikke-en-adresse"');
    expect(html).toContain('value="abc"');
    expect(html).toContain('value="11"');
    for (const [field, message] of [
      ['name', 'Skriv dit navn'],
      ['email', 'Skriv en gyldig e-mailadresse.'],
      ['phone', 'Skriv et telefonnummer'],
      ['partySize', 'Vælg et antal fra 1 til 10.'],
      ['consent', 'Du skal give samtykke'],
    ]) {
      expect(html).toMatch(new RegExp(`id="reg-${field}"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="reg-${field}"`));
      expect(html).toMatch(new RegExp(`aria-describedby="reg-${field}-error[^"]*"`));
      expect(html).toContain(`<p class="field-error" id="reg-${field}-error">${message}`);
    }
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('answers the rate limit with a page, as registerForEvent does', async () => {
    const open = await createEvent(app.em(), {
      title: { da: 'Åbent hus', en: 'Open house' },
      capacity: 100,
      registrationRequired: true,
      slug: 'aabent-hus',
    });
    const form = { name: 'Bo', email: 'bo@example.org', partySize: '1', consent: 'yes' };
    const statuses: number[] = [];
    // The per-email limit of registerForEvent: ten an hour (the first registers, the rest mail its link again).
    for (let i = 0; i < 10; i++) statuses.push((await post(sitePaths.event('en', open.slug), form)).status);
    expect(statuses).toEqual(Array(10).fill(200));
    const res = await post(sitePaths.event('en', open.slug), form);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    const html = await res.text();
    expect(html).toContain('Too many registrations have come from you in a short time.');
    expect(html).toContain('value="bo@example.org"');
  });

  it('serves RSS 2.0 of the same selection, linking to the event pages', async () => {
    const res = await get(`${sitePaths.eventsRss('en')}?district=${norrebro.slug}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    const doc = parseDocument(await res.text(), { xmlMode: true });
    const rss = DomUtils.findOne((e) => e.name === 'rss', doc.children)!;
    expect(rss.attribs.version).toBe('2.0');
    const channel = DomUtils.findOne((e) => e.name === 'channel', rss.children)!;
    for (const required of ['title', 'link', 'description'])
      expect(DomUtils.findOne((e) => e.name === required, channel.children)).not.toBeNull();
    const links = DomUtils.findAll((e) => e.name === 'item', channel.children).map((item) =>
      DomUtils.textContent(DomUtils.findOne((e) => e.name === 'link', item.children)!),
    );
    expect(new Set(links)).toEqual(
      new Set([busy, cancelled, full].map((e) => `${app.config.http.publicBaseUrl}${sitePaths.event('en', e.slug)}`)),
    );
    expect((await get(`${sitePaths.eventsRss('da')}?occasion=nope`)).status).toBe(400);
  });

  it('serves a frame-able embed starting at h2 whose links open in the top window', async () => {
    const res = await get(`${sitePaths.embedEvents('da')}?district=${norrebro.slug}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).not.toContain("frame-ancestors 'none'");
    const html = await res.text();
    expect(html).not.toContain('<h1');
    expect(html).toContain('<h2><a href="/arrangementer/fuldt-seminar" target="_top">Fuldt seminar</a></h2>');
    const anchors = DomUtils.findAll((e) => e.name === 'a', parseDocument(html).children);
    expect(anchors.every((a) => a.attribs.target === '_top')).toBe(true);
  });

  it('offers a feed of exactly the listed events, also for a combination of filters', async () => {
    const listing = await (await get(`${sitePaths.events('da')}?district=${norrebro.slug}&kind=cultural-event`)).text();
    const listed = new Set(
      DomUtils.findAll((e) => e.name === 'h3', parseDocument(listing).children).map((h) =>
        DomUtils.findOne((e) => e.name === 'a', h.children)!
          .attribs.href.split('/')
          .pop()!,
      ),
    );
    expect(listed).toEqual(new Set([busy.slug, cancelled.slug]));
    const https = /<a href="([^"]+)">Kalenderadresse/.exec(listing)![1].replace(/&amp;/g, '&');
    expect(https).toBe(`${app.config.http.publicBaseUrl}/calendar.ics?district=${norrebro.slug}&kind=cultural-event`);
    expect(listing).toContain(
      `href="webcal://${new URL(app.config.http.publicBaseUrl).host}/calendar.ics?district=${norrebro.slug}&amp;kind=cultural-event"`,
    );
    const res = await fetch(local(https));
    expect(res.status).toBe(200);
    const calendar = parseCalendar(await res.text());
    expect(new Set(calendar.events.map((e) => e.uid))).toEqual(new Set([busy.id, cancelled.id].map((id) => uidOf(app, id))));
    const etag = res.headers.get('etag')!;
    expect((await fetch(local(https), { headers: { 'if-none-match': etag } })).status).toBe(304);

    const one = await (await get(`${sitePaths.events('en')}?district=${norrebro.slug}`)).text();
    expect(one).toContain(`${app.config.http.publicBaseUrl}/calendar/districts/${norrebro.slug}.ics?lang=en`);
    const honest = await (await get(`${sitePaths.events('en')}?district=${norrebro.slug}&seats=yes&q=dinner`)).text();
    expect(honest).toContain(
      'The calendar cannot follow these choices, so it holds more events than this list: Seats, Search title and description.',
    );
    expect((await get('/calendar.ics?district=atlantis')).status).toBe(404);
    expect((await get('/calendar.ics?kind=picnic')).status).toBe(400);
  });

  it('links the feeds and the old paths to the event and association pages', async () => {
    const en = parseCalendar(await (await get(`/calendar/events/${busy.slug}.ics?lang=en`)).text()).events[0];
    expect(en.url).toBe(`${app.config.http.publicBaseUrl}${sitePaths.event('en', busy.slug)}`);
    expect(en.organiser).toMatch(new RegExp(`:${app.config.http.publicBaseUrl}${sitePaths.association('en', organiser.slug)}$`));
    const da = parseCalendar(await (await get(`/calendar/events/${busy.slug}.ics`)).text()).events[0];
    expect(da.url).toBe(`${app.config.http.publicBaseUrl}${sitePaths.event('da', busy.slug)}`);
    const oldEvent = await get(`/events/${busy.slug}`);
    expect(oldEvent.status).toBe(301);
    expect(oldEvent.headers.get('location')).toBe(sitePaths.event('da', busy.slug));
    const oldAssociation = await get(`/associations/${organiser.slug}`);
    expect(oldAssociation.status).toBe(301);
    expect(oldAssociation.headers.get('location')).toBe(sitePaths.association('da', organiser.slug));
  });

  it.each([true, false])(
    'takes a citizen from the front page through the listing to a registration and the manage link (JavaScript %s)',
    async (javaScript) => {
      const site = await browser.context(app.url, { javaScript });
      const who = javaScript ? 'js' : 'nojs';
      try {
        const { page } = await site.open(sitePaths.home('da'));
        await expect(page.locator('h1').innerText()).resolves.toBe('Mangfoldighedskalenderen');
        await Promise.all([
          page.waitForURL((url) => url.pathname === sitePaths.events('da')),
          page.getByRole('link', { name: 'Se alle kommende arrangementer' }).click(),
        ]);
        await page.getByLabel('Bydel').selectOption({ label: 'Nørrebro' });
        await Promise.all([page.waitForURL(/district=/), page.getByRole('button', { name: 'Vis arrangementer' }).click()]);
        await expect(page.getByRole('heading', { name: '3 arrangementer passer' }).count()).resolves.toBe(1);
        await Promise.all([
          page.waitForURL(/faellesspisning/),
          page.getByRole('link', { name: 'Fællesspisning på Nørrebro' }).first().click(),
        ]);
        await Promise.all([page.waitForLoadState(), page.getByRole('button', { name: 'Tilmeld' }).click()]);
        await expect(page.locator('#reg-name-error').innerText()).resolves.toBe('Skriv dit navn (højst 200 tegn).');
        await expect(page.getByLabel('Navn').getAttribute('aria-describedby')).resolves.toBe('reg-name-error');
        if (javaScript) expect((await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()).violations).toEqual([]);
        await page.getByLabel('Navn').fill(`Anna ${who}`);
        await page.getByLabel('E-mail').fill(`anna-${who}@example.org`);
        await page.getByLabel('Antal personer, dig selv medregnet').fill('2');
        await page.getByLabel(/Jeg har læst privatlivspolitikken/).check();
        const mailsBefore = sink.mails.length;
        await Promise.all([page.waitForLoadState(), page.getByRole('button', { name: 'Tilmeld' }).click()]);
        await expect(page.locator('h1').innerText()).resolves.toBe('Du er tilmeldt');
        await expect(page.locator('main').innerText()).resolves.toContain('personligt link');
        if (javaScript) expect((await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()).violations).toEqual([]);
        expect(await site.context.cookies()).toEqual([]);

        await waitFor(
          () => sink.mails.slice(mailsBefore).some((m) => m.envelope.to.includes(`anna-${who}@example.org`)),
          20_000,
          'the mail',
        );
        const mail = sink.mails.find((m) => m.envelope.to.includes(`anna-${who}@example.org`))!;
        const ics = mail.parsed.attachments.find((a) => a.contentType.startsWith('text/calendar'))!;
        expect(parseCalendar(ics.content.toString('utf8')).events[0].url).toBe(
          `${app.config.http.publicBaseUrl}${sitePaths.event('da', busy.slug)}`,
        );
        const manage = /(http:\/\/mangfold\.test\/registrations\/manage\?token=\S+)/.exec(mail.parsed.text!)![1];
        const managed = await site.open(local(manage));
        expect(managed.status).toBe(200);
        await expect(managed.page.locator('body').innerText()).resolves.toContain('Fællesspisning på Nørrebro');

        const { page: second } = await site.open(sitePaths.event('da', full.slug));
        await second.getByLabel('Navn').fill(`Bo ${who}`);
        await second.getByLabel('E-mail').fill(`bo-${who}@example.org`);
        await second.getByLabel(/Jeg har læst privatlivspolitikken/).check();
        await Promise.all([second.waitForLoadState(), second.getByRole('button', { name: 'Skriv mig på ventelisten' }).click()]);
        await expect(second.locator('h1').innerText()).resolves.toBe(`Du er på ventelisten som nummer ${javaScript ? 1 : 2}`);
      } finally {
        await site.close();
      }
    },
    120_000,
  );
});
