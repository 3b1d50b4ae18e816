import { DomUtils, parseDocument } from 'htmlparser2';
import { Event, EventKind } from '@mangfold/calendar';
import { sitePaths } from '@mangfold/config';
import { feedPath, kindSlug, selectionUrl } from '@mangfold/feeds';
import { calendarToken, personalFeedKey, personalFeedUrl, Registration } from '@mangfold/registrations';
import { createRegistration } from '../factories';
import { publishNow } from '../feeds/feed-helpers';
import {
  anchorHrefs,
  checkLinks,
  parseCalendar,
  PortalClient,
  SmtpSink,
  startTestApp,
  type FoundLink,
  type ParsedCalendar,
  type SinkMail,
  type TestApp,
  waitFor,
} from '../utils';
import {
  buildWorld,
  type Lang,
  type MailKind,
  type Recipient,
  templatedKinds,
  TRIGGERS,
  type World,
  REPORT_COMMITTEE,
} from './emitted-links-data';

/*
 * Issues 13 and 14: every link Mangfold emits, in every feed and in every kind of mail (rendered by
 * the worker from the outbox and received over SMTP), answers 200 or redirects to a 200, in the
 * language of the feed or of the recipient. Portal links are followed logged in as the recipient,
 * public ones anonymously, token links as they stand in the mail. A failure names the link and
 * where it was found (feed and language, or mail kind, recipient and part).
 */

const ADMIN_EMAIL = 'admin@test.mangfold.local';
/** Pages behind the portal's login (and the short addresses that redirect there). */
const SESSION_PATHS = /^\/(portal|login|my|admin|reports)(\/|$)/;
const URL_IN_TEXT = /https?:\/\/[^\s<>"')]+/g;

/** Every link a calendar holds: SOURCE, URL, ORGANIZER, ATTACH, TZURL of the calendar and its events, and those in DESCRIPTION. */
function calendarLinks(calendar: ParsedCalendar): string[] {
  const links: string[] = [];
  for (const component of [calendar.calendar, ...calendar.events.map((e) => e.component)]) {
    for (const name of ['source', 'url', 'organizer', 'attach', 'tzurl']) {
      for (const property of component.getAllProperties(name)) links.push(...property.getValues().map(String));
    }
    const description = component.getFirstPropertyValue('description');
    if (description) links.push(...(String(description).match(URL_IN_TEXT) ?? []));
  }
  return links.filter((link) => /^https?:/i.test(link));
}

/** The channel's link, its atom:link and every item's link and (permalink) guid of an RSS document. */
function rssLinks(xml: string): { links: string[]; items: number } {
  const doc = parseDocument(xml, { xmlMode: true });
  const channel = DomUtils.findOne((e) => e.name === 'channel', doc.children);
  if (!channel) throw new Error('RSS without a channel');
  const items = DomUtils.findAll((e) => e.name === 'item', channel.children);
  const links = DomUtils.findAll(
    (e) => e.name === 'link' || (e.name === 'guid' && e.attribs.isPermaLink !== 'false'),
    channel.children,
  ).map((e) => DomUtils.textContent(e).trim());
  links.push(...DomUtils.findAll((e) => e.name === 'atom:link', channel.children).map((e) => e.attribs.href));
  return { links, items: items.length };
}

/** Every link of a mail with the part it is in: the text, the HTML and each calendar attachment. */
function mailLinks(mail: SinkMail): { url: string; part: string }[] {
  const links = (mail.parsed.text ?? '').match(URL_IN_TEXT)?.map((url) => ({ url, part: 'text' })) ?? [];
  if (typeof mail.parsed.html === 'string') links.push(...anchorHrefs(mail.parsed.html).map((url) => ({ url, part: 'html' })));
  for (const attachment of mail.parsed.attachments) {
    if (!attachment.contentType.startsWith('text/calendar')) continue;
    const part = `attachment ${attachment.filename ?? 'calendar'}`;
    links.push(...calendarLinks(parseCalendar(attachment.content.toString('utf8'))).map((url) => ({ url, part })));
  }
  return links;
}

function describeDead(dead: { url: string; status: number; foundOn: string[]; problem?: string }[]): string[] {
  return dead.map((d) => `${d.url} answers ${d.status}${d.problem ? ` (${d.problem})` : ''}, found in ${d.foundOn.join('; ')}`);
}

describe('every link Mangfold emits: feeds and every kind of mail', () => {
  let sink: SmtpSink;
  let app: TestApp;
  let world: World;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    app = await startTestApp({ worker: true, env: { SMTP_URL: sink.url, REPORT_RECIPIENTS: `${ADMIN_EMAIL}, ${REPORT_COMMITTEE}` } });
    world = await buildWorld(app);
    await publishNow(app, ...world.events.map((e) => e.id));
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await sink.stop();
  });

  const check = (links: FoundLink[], cookie?: string) =>
    checkLinks(app.url, links, { publicBaseUrl: app.config.http.publicBaseUrl, cookie, readLanded: true });

  it('has every feed (da and en) non-empty, and each URL, ORGANIZER, SOURCE and link in them and in the RSS lands on a page in its language', async () => {
    const base = app.config.http.publicBaseUrl;
    const em = app.em();
    const registration = await createRegistration(em, em.getReference(Event, world.showcase.id), { locale: 'en' });
    // As registering does: the row keeps the SHA-256 of its person's calendar token.
    await em.nativeUpdate(
      Registration,
      { id: registration.id },
      { personalFeedKey: personalFeedKey(calendarToken(app.config, registration.email!)) },
    );
    const feeds = [
      feedPath({ scope: 'all', slug: '' }),
      feedPath({ scope: 'district', slug: 'valby' }),
      feedPath({ scope: 'association', slug: world.org.slug }),
      feedPath({ scope: 'association', slug: world.guest.slug }),
      feedPath({ scope: 'occasion', slug: 'nowruz' }),
      ...Object.values(EventKind).map((kind) => feedPath({ scope: 'kind', slug: kindSlug(kind) })),
      feedPath({ scope: 'event', slug: world.showcase.slug }),
      selectionUrl('', [
        { scope: 'district', slug: 'valby' },
        { scope: 'kind', slug: kindSlug(EventKind.SEMINAR) },
      ]),
      personalFeedUrl(app.config, registration.email!).slice(base.length),
    ];
    const links: FoundLink[] = [];
    for (const lang of ['da', 'en'] as Lang[]) {
      for (const feed of feeds) {
        const path = lang === 'da' ? feed : `${feed}${feed.includes('?') ? '&' : '?'}lang=en`;
        const res = await fetch(`${app.url}${path}`);
        expect({ path, status: res.status }).toEqual({ path, status: 200 });
        const calendar = parseCalendar(await res.text());
        expect({ path, events: calendar.events.length > 0 }).toEqual({ path, events: true });
        links.push(...calendarLinks(calendar).map((url) => ({ url, foundOn: `feed ${path}`, lang })));
      }
      for (const path of [sitePaths.eventsRss(lang), `${sitePaths.eventsRss(lang)}?district=valby`]) {
        const res = await fetch(`${app.url}${path}`);
        expect({ path, status: res.status }).toEqual({ path, status: 200 });
        const rss = rssLinks(await res.text());
        expect({ path, items: rss.items > 0 }).toEqual({ path, items: true });
        links.push(...rss.links.map((url) => ({ url, foundOn: `RSS ${path}`, lang })));
      }
    }
    // Each event's page, its organisers' pages and the feeds' own addresses at least.
    expect(new Set(links.map((l) => l.url)).size).toBeGreaterThan(15);
    const result = await checkLinks(app.url, links, { publicBaseUrl: base });
    expect(describeDead(result.dead)).toEqual([]);
  }, 120_000);

  it('sends every kind of mail, and every link in each (text, HTML, calendar attachment) lands on a page in the recipient language', async () => {
    // A kind with a template but no trigger here fails at once, also when typecheck is not run.
    const kinds = Object.keys(TRIGGERS) as MailKind[];
    expect(templatedKinds().filter((k) => !kinds.includes(k as MailKind))).toEqual([]);

    const expected = new Map<string, Recipient>();
    for (const kind of kinds) for (const r of await TRIGGERS[kind](world)) expected.set(`${kind} ${r.address}`, r);
    expect(kinds.filter((kind) => ![...expected.keys()].some((key) => key.startsWith(`${kind} `)))).toEqual([]);
    // Keyed by kind and address; waits for exactly the mails expected, then names any that never came.
    const keyOf = (m: SinkMail) => `${m.parsed.headers.get('x-mangfold-kind') as string} ${m.envelope.to[0]}`;
    const missing = () => [...expected.keys()].filter((key) => !sink.mails.some((m) => keyOf(m) === key.toLowerCase()));
    await waitFor(() => missing().length === 0, 90_000, 'every mail').catch(() => undefined);
    expect(missing()).toEqual([]);
    const received = new Map(sink.mails.map((m) => [keyOf(m), m]));

    const anonymous: FoundLink[] = [];
    const byAccount = new Map<string, { recipient: Recipient; links: FoundLink[] }>();
    for (const [key, recipient] of expected) {
      const mail = received.get(key.toLowerCase())!;
      for (const { url, part } of mailLinks(mail)) {
        const link = { url, foundOn: `mail ${key} (${recipient.lang}), ${part}`, lang: recipient.lang };
        const path = new URL(url).pathname;
        if (recipient.password && SESSION_PATHS.test(path)) {
          const account = byAccount.get(recipient.address) ?? { recipient, links: [] };
          account.links.push(link);
          byAccount.set(recipient.address, account);
        } else anonymous.push(link);
      }
    }
    expect(anonymous.length + [...byAccount.values()].reduce((n, a) => n + a.links.length, 0)).toBeGreaterThan(3 * expected.size);

    const dead = (await check(anonymous)).dead;
    for (const { recipient, links } of byAccount.values()) {
      const portal = await PortalClient.login(app.url, recipient.address, recipient.password!);
      dead.push(...(await check(links, portal.cookie)).dead);
    }
    expect(describeDead(dead)).toEqual([]);
  }, 240_000);
});
