import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DateTime } from 'luxon';
import { Association } from '@mangfold/associations';
import { Event, EventKind, EventOrganiser, EventStatus, OrganiserRole, OrganiserStatus } from '@mangfold/calendar';
import { FeedPublisher, FeedSnapshots } from '@mangfold/feeds';
import { createAssociation, createEvent } from '../factories';
import { parseCalendar, stampLines, startTestApp, waitFor, type TestApp } from '../utils';
import { getFeed, publishNow, uidOf, waitForFeed } from './feed-helpers';

const ZONE = 'Europe/Copenhagen';
const unescapeText = (raw: string) => raw.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

describe('iCalendar feeds', () => {
  let app: TestApp;
  let feedsDir: string;
  let organiser: Association;
  let coOrganiser: Association;
  let invited: Association;
  let seminar: Event;

  const uids = (path: string) => getFeed(app, path).then((r) => r.calendar!.events.map((e) => e.uid));

  beforeAll(async () => {
    feedsDir = mkdtempSync(join(tmpdir(), 'mangfold-feeds-'));
    app = await startTestApp({ worker: true, env: { FEEDS_DIR: feedsDir } });
    const em = app.em();
    organiser = await createAssociation(em, {
      name: 'Nørrebro "Bro"; Forening, København',
      slug: 'noerrebro-bro',
      districtSlug: 'noerrebro',
    });
    coOrganiser = await createAssociation(em, { name: 'Valby Kulturbro', slug: 'valby-kulturbro-test' });
    invited = await createAssociation(em, { name: 'Inviteret Forening', slug: 'inviteret-forening' });
    seminar = await createEvent(em, {
      kind: EventKind.SEMINAR,
      title: { da: 'Seminar om mangfoldighed', en: 'Seminar on diversity' },
      description: { da: '<p>Velkommen &amp; tak</p>', en: 'Welcome' },
      districtSlug: 'noerrebro',
      occasionSlug: 'eid-al-fitr',
      organiser,
      coOrganisers: [coOrganiser],
      slug: 'seminar-om-mangfoldighed',
    });
    em.create(EventOrganiser, { event: seminar, association: invited, role: OrganiserRole.CO_ORGANIZER, status: OrganiserStatus.INVITED });
    await em.flush();
    await publishNow(app, seminar.id);
  });

  afterAll(async () => {
    await app.close();
    rmSync(feedsDir, { recursive: true, force: true });
  });

  it('publishes an event to the all, district, association, co-organiser, occasion, kind and event feeds', async () => {
    const uid = uidOf(app, seminar.id);
    for (const path of [
      '/calendar.ics',
      '/calendar/districts/noerrebro.ics',
      '/calendar/associations/noerrebro-bro.ics',
      '/calendar/associations/valby-kulturbro-test.ics',
      '/calendar/occasions/eid-al-fitr.ics',
      '/calendar/kinds/seminar.ics',
      '/calendar/events/seminar-om-mangfoldighed.ics',
    ]) {
      expect(await uids(path)).toContain(uid);
    }
    for (const path of [
      '/calendar/districts/valby.ics',
      '/calendar/associations/inviteret-forening.ics',
      '/calendar/occasions/diwali.ics',
      '/calendar/kinds/cultural-event.ics',
    ]) {
      expect(await uids(path)).not.toContain(uid);
    }
  });

  it('answers with the headers calendar apps and caches need', async () => {
    const res = await getFeed(app, '/calendar/districts/noerrebro.ics?lang=en');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(new Date(res.lastModified!).toUTCString()).toBe(res.lastModified);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('content-disposition')).toBe('inline; filename="mangfoldighedskalender-district-noerrebro-en.ics"');
    expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(res.body));
  });

  it('names each calendar in its language and tells apps how often to refresh', async () => {
    const da = (await getFeed(app, '/calendar/associations/noerrebro-bro.ics')).calendar!;
    const name = 'Københavns Mangfoldighedskalender: Nørrebro "Bro"; Forening, København';
    // ical.js leaves NAME (RFC 7986) and X- properties raw; calendar apps read them as escaped TEXT.
    expect(unescapeText(da.properties.NAME)).toBe(name);
    expect(unescapeText(da.properties['X-WR-CALNAME'])).toBe(name);
    expect(da.properties['X-WR-TIMEZONE']).toBe(ZONE);
    expect(da.properties['REFRESH-INTERVAL']).toBe('PT1H');
    expect(da.properties['X-PUBLISHED-TTL']).toBe('PT1H');
    expect(da.properties.PRODID).toBe('-//Mangfold//Mangfoldighedskalender//DA');
    expect(da.properties.METHOD).toBeUndefined();
    expect(da.timezones).toEqual([ZONE]);
    const en = (await getFeed(app, '/calendar/kinds/seminar.ics?lang=en')).calendar!;
    expect(en.properties['X-WR-CALNAME']).toBe('Copenhagen Diversity Calendar: Seminars');
    expect(en.properties.NAME).toBe('Copenhagen Diversity Calendar: Seminars');
    expect((await getFeed(app, '/calendar.ics?lang=EN')).calendar!.properties['X-WR-CALNAME']).toBe('Copenhagen Diversity Calendar');
  });

  it('shows the event in the chosen language, plain text, with its organiser but no personal email', async () => {
    const uid = uidOf(app, seminar.id);
    const da = (await getFeed(app, '/calendar/kinds/seminar.ics')).calendar!.events.find((e) => e.uid === uid)!;
    expect(da.summary).toBe('Seminar om mangfoldighed');
    expect(da.description).toBe(
      'Velkommen & tak\n\nMedarrangører: Valby Kulturbro\n\nhttp://mangfold.test/arrangementer/seminar-om-mangfoldighed',
    );
    expect(da.startTzid).toBe(ZONE);
    expect(da.categories).toEqual(['Seminar', 'Eid al-Fitr', 'Nørrebro']);
    expect(da.url).toBe('http://mangfold.test/arrangementer/seminar-om-mangfoldighed');
    expect(da.component.getFirstProperty('organizer')!.getParameter('cn')).toBe('Nørrebro "Bro"; Forening, København');
    expect(da.component.getFirstPropertyValue('organizer')).toBe('http://mangfold.test/foreninger/noerrebro-bro');
    expect(stampLines(da)).toEqual([
      expect.stringMatching(/^DTSTAMP:\d{8}T\d{6}Z$/),
      expect.stringMatching(/^LAST-MODIFIED:\d{8}T\d{6}Z$/),
    ]);
    const en = (await getFeed(app, '/calendar/kinds/seminar.ics?lang=en')).calendar!.events.find((e) => e.uid === uid)!;
    expect(en.summary).toBe('Seminar on diversity');
    expect(en.description!.startsWith('Welcome\n\nCo-organisers: Valby Kulturbro')).toBe(true);
    expect(en.categories).toEqual(['Seminar', 'Eid al-Fitr', 'Nørrebro']);
    expect(en.url).toBe('http://mangfold.test/en/events/seminar-om-mangfoldighed');
    expect(en.component.getFirstPropertyValue('organizer')).toBe('http://mangfold.test/en/associations/noerrebro-bro');
    const feeds = await Promise.all(['/calendar.ics', '/calendar.ics?lang=en'].map((p) => getFeed(app, p)));
    for (const feed of feeds) expect(feed.body).not.toMatch(/mailto:|@test\.mangfold\.local/i);
  });

  it('falls back to the other language per field', async () => {
    const only = await createEvent(app.em(), { title: { da: 'Kun på dansk' }, description: { en: 'Only in English' } });
    await publishNow(app, only.id);
    const en = (await getFeed(app, '/calendar.ics?lang=en')).calendar!.events.find((e) => e.uid === uidOf(app, only.id))!;
    expect(en.summary).toBe('Kun på dansk');
    expect(en.description!.startsWith('Only in English')).toBe(true);
    const da = (await getFeed(app, '/calendar.ics')).calendar!.events.find((e) => e.uid === uidOf(app, only.id))!;
    expect(da.description!.startsWith('Only in English')).toBe(true);
  });

  it('round-trips hostile text exactly and lets no title inject a property or component', async () => {
    const title = 'Eid; fest, \\ ny\nlinje 🎉 عيد مبارك — عید مبارک\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:injected';
    const event = await createEvent(app.em(), { title: { da: title }, description: { da: 'a,b;c\\d\nاردو 🇩🇰' } });
    await publishNow(app, event.id);
    const calendar = (await getFeed(app, '/calendar.ics')).calendar!;
    const mine = calendar.events.filter((e) => e.uid === uidOf(app, event.id));
    expect(mine).toHaveLength(1);
    expect(mine[0].summary).toBe(title.replace(/\r\n/g, '\n'));
    expect(mine[0].description).toBe(`a,b;c\\d\nاردو 🇩🇰\n\nhttp://mangfold.test/arrangementer/${event.slug}`);
    expect(calendar.events.some((e) => e.summary === 'injected')).toBe(false);
    expect(calendar.events.every((e) => e.component.getAllProperties('summary').length === 1)).toBe(true);
  });

  it('keeps local times across DST for timed, all-day and weekly events', async () => {
    const year = DateTime.now().year + 1;
    const lastSunday = (month: number) => {
      const last = DateTime.fromObject({ year, month }, { zone: ZONE }).endOf('month').startOf('day');
      return last.minus({ days: last.weekday % 7 });
    };
    const early = lastSunday(10).set({ hour: 2, minute: 30 });
    const night = await createEvent(app.em(), { startsAt: early.toJSDate(), endsAt: early.plus({ hours: 1 }).toJSDate() });
    const day = DateTime.fromObject({ year, month: 3, day: 29 }, { zone: ZONE });
    const allDay = await createEvent(app.em(), { allDay: true, startsAt: day.toJSDate(), endsAt: day.plus({ days: 2 }).toJSDate() });
    const weekly = lastSunday(3).minus({ weeks: 1 }).set({ hour: 17 });
    const series = await createEvent(app.em(), {
      startsAt: weekly.toJSDate(),
      endsAt: weekly.plus({ hours: 2 }).toJSDate(),
      recurrence: 'FREQ=WEEKLY;COUNT=3',
    });
    await publishNow(app, night.id, allDay.id, series.id);
    const events = (await getFeed(app, '/calendar.ics')).calendar!.events;
    const find = (id: string) => events.find((e) => e.uid === uidOf(app, id))!;
    expect(find(night.id).start.toString()).toBe(`${early.toISODate()}T02:30:00`);
    expect(find(night.id).startTzid).toBe(ZONE);
    expect(find(allDay.id).start.isDate).toBe(true);
    expect(find(allDay.id).start.toString()).toBe(`${year}-03-29`);
    expect(find(allDay.id).end!.toString()).toBe(`${year}-03-31`);
    expect(find(series.id).rrule).toBe('FREQ=WEEKLY;COUNT=3');
    expect(find(series.id).start.toString()).toBe(`${weekly.toISODate()}T17:00:00`);
  });

  it('bumps SEQUENCE and the ETag on an edit, keeping the UID', async () => {
    const path = '/calendar/events/seminar-om-mangfoldighed.ics';
    const before = await getFeed(app, path);
    const em = app.em();
    const event = await em.findOneOrFail(Event, seminar.id);
    event.startsAt = new Date(event.startsAt.getTime() + 3600_000);
    event.endsAt = new Date(event.endsAt.getTime() + 3600_000);
    event.sequence += 1;
    await em.flush();
    await publishNow(app, seminar.id);
    const after = await getFeed(app, path);
    expect(after.calendar!.events[0].uid).toBe(before.calendar!.events[0].uid);
    expect(after.calendar!.events[0].sequence).toBe(before.calendar!.events[0].sequence + 1);
    expect(after.etag).not.toBe(before.etag);
    expect(Date.parse(after.lastModified!)).toBeGreaterThan(Date.parse(before.lastModified!));
    expect((await getFeed(app, path, { headers: { 'if-none-match': before.etag! } })).status).toBe(200);
  });

  it('leaves a feed untouched when nothing a subscriber sees changed', async () => {
    const before = await getFeed(app, '/calendar/kinds/seminar.ics');
    const em = app.em();
    const event = await em.findOneOrFail(Event, seminar.id);
    event.seatsTaken += 1;
    await em.flush();
    expect(await publishNow(app, seminar.id)).toEqual([]);
    expect((await getFeed(app, '/calendar/kinds/seminar.ics')).etag).toBe(before.etag);
  });

  it('shows a cancelled event as CANCELLED for 30 days, then drops it', async () => {
    const event = await createEvent(app.em(), { kind: EventKind.NETWORK_MEETING, title: { da: 'Netværksmøde' } });
    await publishNow(app, event.id);
    const em = app.em();
    const row = await em.findOneOrFail(Event, event.id);
    row.status = EventStatus.CANCELLED;
    row.cancelledAt = new Date();
    row.sequence += 1;
    await em.flush();
    await publishNow(app, event.id);
    const shown = (await getFeed(app, '/calendar/kinds/network-meeting.ics')).calendar!.events.find((e) => e.uid === uidOf(app, event.id))!;
    expect(shown.status).toBe('CANCELLED');
    expect(shown.summary).toBe('AFLYST: Netværksmøde');
    row.cancelledAt = new Date(Date.now() - 31 * 24 * 3600_000);
    await em.flush();
    await publishNow(app, event.id);
    expect(await uids('/calendar/kinds/network-meeting.ics')).not.toContain(uidOf(app, event.id));
  });

  it('holds published events from 31 days back onward, and no drafts', async () => {
    const ago = (days: number) => new Date(Date.now() - days * 24 * 3600_000);
    const recent = await createEvent(app.em(), { startsAt: ago(10), endsAt: ago(10) });
    const old = await createEvent(app.em(), { startsAt: ago(40), endsAt: ago(40) });
    const draft = await createEvent(app.em(), { status: EventStatus.DRAFT });
    await publishNow(app, recent.id, old.id, draft.id);
    const all = await uids('/calendar.ics');
    expect(all).toContain(uidOf(app, recent.id));
    expect(all).not.toContain(uidOf(app, old.id));
    expect(all).not.toContain(uidOf(app, draft.id));
    expect((await getFeed(app, `/calendar/events/${draft.slug}.ics`)).status).toBe(404);
  });

  it('answers 304 only when nothing changed', async () => {
    const path = '/calendar/kinds/seminar.ics';
    const current = await getFeed(app, path);
    const status = async (headers: Record<string, string>) => (await getFeed(app, path, { headers })).status;
    expect(await status({ 'if-none-match': current.etag! })).toBe(304);
    expect(await status({ 'if-none-match': `W/${current.etag!}` })).toBe(304);
    expect(await status({ 'if-none-match': `"other", ${current.etag!}` })).toBe(304);
    expect(await status({ 'if-none-match': '"other"' })).toBe(200);
    expect(await status({ 'if-modified-since': current.lastModified! })).toBe(304);
    expect(await status({ 'if-modified-since': new Date(Date.parse(current.lastModified!) - 1000).toUTCString() })).toBe(200);
    expect(await status({ 'if-modified-since': 'not a date' })).toBe(200);
    expect(await status({ 'if-modified-since': '2999' })).toBe(200);
    expect(await status({ 'if-modified-since': new Date(Date.now() + 86_400_000).toUTCString() })).toBe(200);
    // If-None-Match decides when both are sent.
    expect(await status({ 'if-none-match': '"other"', 'if-modified-since': current.lastModified! })).toBe(200);
    const notModified = await getFeed(app, path, { headers: { 'if-none-match': current.etag! } });
    expect(notModified.body).toBe('');
    expect(notModified.etag).toBe(current.etag);
    expect(notModified.headers.get('cache-control')).toBe('public, max-age=300');
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const get = await getFeed(app, '/calendar/kinds/seminar.ics');
    const head = await getFeed(app, '/calendar/kinds/seminar.ics', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.etag).toBe(get.etag);
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(get.body)));
  });

  it('answers 404 for unknown slugs and 400 for a bad lang, and survives invalid UTF-8', async () => {
    for (const path of [
      '/calendar/districts/atlantis.ics',
      '/calendar/associations/nobody.ics',
      '/calendar/occasions/nothing.ics',
      '/calendar/kinds/party.ics',
      '/calendar/events/no-such-event.ics',
      '/calendar/districts/N%C3%B8rrebro.ics',
      '/calendar/districts/%ZZ.ics',
    ]) {
      expect((await getFeed(app, path)).status).toBe(404);
    }
    expect((await getFeed(app, '/calendar.ics?lang=fr')).status).toBe(400);
    expect((await getFeed(app, '/calendar.ics?lang=%FF%FE')).status).toBe(400);
    expect((await getFeed(app, '/calendar.ics?lang=')).status).toBe(200);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(new URL(app.url).port ? Number(new URL(app.url).port) : 80, '127.0.0.1');
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString('latin1')));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
      socket.write(
        Buffer.concat([
          Buffer.from('GET /calendar.ics?lang='),
          Buffer.from([0xff, 0xc3]),
          Buffer.from(' HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
        ]),
      );
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    expect((await getFeed(app, '/calendar.ics')).status).toBe(200);
  });

  it('redirects the district feeds of the slugs before the Danish transliteration (norrebro) to the new ones', async () => {
    for (const [old, current] of [
      ['norrebro', 'noerrebro'],
      ['osterbro', 'oesterbro'],
      ['vanlose', 'vanloese'],
      ['bronshoj-husum', 'broenshoej-husum'],
      ['amager-ost', 'amager-oest'],
    ]) {
      const res = await fetch(`${app.url}/calendar/districts/${old}.ics?lang=en`, { redirect: 'manual' });
      expect({ old, status: res.status, location: res.headers.get('location') }).toEqual({
        old,
        status: 301,
        location: `/calendar/districts/${current}.ics?lang=en`,
      });
    }
    const followed = await fetch(`${app.url}/calendar/districts/norrebro.ics`);
    expect(followed.status).toBe(200);
    expect(parseCalendar(await followed.text()).events.map((e) => e.uid)).toContain(uidOf(app, seminar.id));
    // Only the old slugs of districts move; a slug that was never one stays a 404.
    expect((await getFeed(app, '/calendar/districts/norreb.ics')).status).toBe(404);
  });

  it('answers CORS preflight and refuses other methods', async () => {
    const options = await fetch(`${app.url}/calendar.ics`, { method: 'OPTIONS' });
    expect(options.status).toBe(204);
    expect(options.headers.get('access-control-allow-origin')).toBe('*');
    const post = await fetch(`${app.url}/calendar.ics`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });

  it('serves gzip to clients that take it, with its own ETag', async () => {
    const plain = await getFeed(app, '/calendar.ics');
    const raw = (headers: Record<string, string>) =>
      new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        request(`${app.url}/calendar.ics`, { headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        })
          .on('error', reject)
          .end();
      });
    let zipped: Awaited<ReturnType<typeof raw>> | undefined;
    await waitFor(async () => {
      zipped = await raw({ 'accept-encoding': 'gzip, deflate' });
      return zipped.headers['content-encoding'] === 'gzip';
    });
    expect(gunzipSync(zipped!.body).toString('utf8')).toBe(plain.body);
    expect(zipped!.headers['content-length']).toBe(String(zipped!.body.length));
    expect(zipped!.headers.etag).not.toBe(plain.etag);
    expect(zipped!.headers.vary).toBe('Accept-Encoding');
    expect((await raw({ 'accept-encoding': 'gzip', 'if-none-match': zipped!.headers.etag! })).status).toBe(304);
    expect((await raw({ 'accept-encoding': 'gzip;q=0' })).headers['content-encoding']).toBeUndefined();
  });

  it('renders a missing snapshot on demand, once, and stores it', async () => {
    const key = 'kind/international-day';
    await app.em().execute('delete from feed_snapshot where feed_key = ?', [key]);
    const responses = await Promise.all(Array.from({ length: 5 }, () => getFeed(app, '/calendar/kinds/international-day.ics?lang=en')));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(responses.map((r) => r.etag)).size).toBe(1);
    expect(responses[0].calendar!.properties['X-WR-CALNAME']).toBe('Copenhagen Diversity Calendar: International days');
    const rows: { version: number }[] = await app
      .em()
      .execute('select version from feed_snapshot where feed_key = ? and lang = ?', [key, 'en']);
    expect(rows).toEqual([{ version: 1 }]);
  });

  it('writes the published feeds to FEEDS_DIR as static files', async () => {
    await waitFor(() => existsSync(join(feedsDir, 'calendar', 'districts', 'noerrebro.en.ics')));
    const all = (await getFeed(app, '/calendar.ics')).body;
    expect(readFileSync(join(feedsDir, 'calendar.ics'), 'utf8')).toBe(all);
    expect(gunzipSync(readFileSync(join(feedsDir, 'calendar.ics.gz'))).toString('utf8')).toBe(all);
    expect(readFileSync(join(feedsDir, 'calendar', 'districts', 'noerrebro.en.ics'), 'utf8')).toBe(
      (await getFeed(app, '/calendar/districts/noerrebro.ics?lang=en')).body,
    );
  });

  it('follows an association that is renamed: new name and URL, old URL gone', async () => {
    const association = await createAssociation(app.em(), { name: 'Gammelt Navn', slug: 'gammelt-navn' });
    const event = await createEvent(app.em(), { organiser: association });
    await publishNow(app, event.id);
    expect((await getFeed(app, '/calendar/associations/gammelt-navn.ics')).status).toBe(200);
    const em = app.em();
    const row = await em.findOneOrFail(Association, association.id);
    row.name = 'Nyt Navn';
    row.slug = 'nyt-navn';
    await em.flush();
    await app.worker!.get(FeedPublisher).associationChanged(association.id);
    const renamed = await waitForFeed(app, '/calendar/associations/nyt-navn.ics', (cal) => cal.events.length === 1);
    expect(renamed.calendar!.properties['X-WR-CALNAME']).toBe('Københavns Mangfoldighedskalender: Nyt Navn');
    expect(renamed.calendar!.events[0].component.getFirstProperty('organizer')!.getParameter('cn')).toBe('Nyt Navn');
    await waitFor(async () => (await getFeed(app, '/calendar/associations/gammelt-navn.ics')).status === 404);
  });

  it("renders a calendar of chosen events for feeds that are not snapshots (a person's registrations)", async () => {
    const draft = await createEvent(app.em(), { status: EventStatus.DRAFT });
    const text = await app.api.get(FeedSnapshots).calendarForEvents([seminar.id, draft.id], 'en', { name: 'My registrations' });
    const calendar = parseCalendar(text);
    expect(calendar.events.map((e) => e.uid)).toEqual([uidOf(app, seminar.id)]);
    expect(calendar.events[0].summary).toBe('Seminar on diversity');
    expect(calendar.timezones).toEqual([ZONE]);
    expect(parseCalendar(await app.api.get(FeedSnapshots).calendarForEvents([], 'da', { name: 'Tom' })).events).toEqual([]);
  });

  it('exposes feedUrl and webcalUrl in GraphQL', async () => {
    const res = await app.gql('{ districts { slug feedUrl webcalUrl en: feedUrl(lang: EN) } }');
    const noerrebro = res.data!.districts.find((d: { slug: string }) => d.slug === 'noerrebro');
    expect(noerrebro).toEqual({
      slug: 'noerrebro',
      feedUrl: 'http://mangfold.test/calendar/districts/noerrebro.ics',
      webcalUrl: 'webcal://mangfold.test/calendar/districts/noerrebro.ics',
      en: 'http://mangfold.test/calendar/districts/noerrebro.ics?lang=en',
    });
  });
});
