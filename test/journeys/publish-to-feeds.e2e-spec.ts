import { createEvent, createMember } from '../factories';
import { District } from '@mangfold/associations';
import { EventKind, Occasion } from '@mangfold/calendar';
import { enqueueEventChanged, getFeed, uidOf, waitForFeed } from '../feeds/feed-helpers';
import { clientIp, register } from '../registrations/helpers';
import { dataOf, parseCalendar, startTestApp, type TestApp } from '../utils';

/**
 * The journey of PRODUCT.md step 2, through the public API only: an association's event is
 * published by TFI and appears in every feed it belongs to; an edit reaches subscribers with a new
 * SEQUENCE and ETag while unrelated feeds stay unchanged; a registrant's personal feed holds it.
 */
describe('from publishEvent to the calendar apps', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ worker: true, env: { TRUST_PROXY: 'true' } });
  });
  afterAll(() => app.close());

  it('publishes into the all, district, association, occasion and kind feeds, and updates them on edit', async () => {
    const owner = await createMember(app);
    const admin = await app.adminToken();
    const valby = await app.em().findOneOrFail(District, { slug: 'valby' });
    const nowruz = await app.em().findOneOrFail(Occasion, { slug: 'nowruz' });
    const created = dataOf(
      await app.gql(
        `mutation($input: CreateEventInput!) { createEvent(input: $input) { id slug } }`,
        {
          input: {
            associationId: owner.association.id,
            kind: 'CULTURAL_EVENT',
            title: { da: 'Nowruz i Valby', en: 'Nowruz in Valby' },
            description: { da: 'Musik og haft-sin-bord.' },
            startsAt: '2027-03-20T15:00',
            endsAt: '2027-03-20T18:00',
            timeZone: 'Europe/Copenhagen',
            districtId: valby.id,
            occasionId: nowruz.id,
            location: { name: 'Valby Kulturhus', address: 'Valgårdsvej 4', postalCode: '2500', city: 'København' },
          },
        },
        owner.token,
      ),
    ).createEvent;
    const other = await getFeed(app, '/calendar/districts/amager-vest.ics');
    expect(other.status).toBe(200);

    dataOf(await app.gql(`mutation($id: ID!) { submitEvent(id: $id) { id } }`, { id: created.id }, owner.token));
    dataOf(await app.gql(`mutation($id: ID!) { publishEvent(id: $id) { id } }`, { id: created.id }, admin));

    const uid = uidOf(app, created.id);
    const paths = [
      '/calendar.ics',
      '/calendar/districts/valby.ics',
      `/calendar/associations/${owner.association.slug}.ics`,
      '/calendar/occasions/nowruz.ics',
      '/calendar/kinds/cultural-event.ics',
    ];
    const first = new Map<string, { etag: string | null; sequence: number }>();
    for (const path of paths) {
      const feed = await waitForFeed(app, path, (cal) => cal.events.some((e) => e.uid === uid));
      const vevent = feed.calendar!.events.find((e) => e.uid === uid)!;
      expect(vevent.summary).toBe('Nowruz i Valby');
      expect(vevent.startTzid).toBe('Europe/Copenhagen');
      expect(vevent.start.toString()).toBe('2027-03-20T15:00:00');
      first.set(path, { etag: feed.etag, sequence: vevent.sequence });
    }

    dataOf(
      await app.gql(
        `mutation($id: ID!) { updateEvent(id: $id, input: { title: { da: "Nowruz-fest i Valby" } }) { sequence } }`,
        { id: created.id },
        owner.token,
      ),
    );
    for (const path of paths) {
      const feed = await waitForFeed(app, path, (cal) => cal.events.some((e) => e.uid === uid && e.summary === 'Nowruz-fest i Valby'));
      const vevent = feed.calendar!.events.find((e) => e.uid === uid)!;
      expect(vevent.sequence).toBeGreaterThan(first.get(path)!.sequence);
      expect(feed.etag).not.toBe(first.get(path)!.etag);
      const stale = await getFeed(app, path, { headers: { 'if-none-match': first.get(path)!.etag! } });
      expect(stale.status).toBe(200);
    }
    const unaffected = await getFeed(app, '/calendar/districts/amager-vest.ics', { headers: { 'if-none-match': other.etag! } });
    expect(unaffected.status).toBe(304);
  });

  it('gives a registrant a personal feed of their confirmed registrations', async () => {
    const seminar = await createEvent(app.em(), {
      kind: EventKind.SEMINAR,
      capacity: 1,
      registrationRequired: true,
      title: { da: 'Seminar om projektledelse' },
    });
    const full = await createEvent(app.em(), {
      kind: EventKind.SEMINAR,
      capacity: 1,
      registrationRequired: true,
      title: { da: 'Fuldt seminar' },
    });
    await enqueueEventChanged(app, seminar.id, full.id);
    dataOf(await register(app, full.id, {}, { ip: clientIp(1) }));
    const mine = dataOf(await register(app, seminar.id, { email: 'feed.person@example.org' }, { ip: clientIp(2) })).registerForEvent;
    const waiting = dataOf(await register(app, full.id, { email: 'feed.person@example.org' }, { ip: clientIp(3) })).registerForEvent;
    expect([mine.status, waiting.status]).toEqual(['CONFIRMED', 'WAITLISTED']);
    expect(mine.calendarToken).toBe(waiting.calendarToken);

    const path = new URL(mine.personalFeedUrl).pathname;
    const feed = await waitForFeed(app, path, (cal) => cal.events.length === 1);
    expect(feed.headers.get('cache-control')).toMatch(/private/);
    expect(feed.calendar!.events[0].uid).toBe(uidOf(app, seminar.id));
    expect(feed.calendar!.properties['X-WR-CALNAME']).toBe('Mine tilmeldinger');
    expect(feed.body).not.toContain('feed.person@example.org');
    const again = await getFeed(app, path, { headers: { 'if-none-match': feed.etag! } });
    expect(again.status).toBe(304);
    expect((await getFeed(app, '/calendar/registrations/not-a-token.ics')).status).toBe(404);
    expect((await getFeed(app, `${path}?lang=fr`)).status).toBe(400);
    expect(parseCalendar((await getFeed(app, `${path}?lang=en`)).body).properties['X-WR-CALNAME']).toBe('My registrations');
  });
});
