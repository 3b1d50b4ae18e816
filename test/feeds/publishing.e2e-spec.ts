import { Event, EventKind, Occasion } from '@mangfold/calendar';
import { FeedPublisher } from '@mangfold/feeds';
import { JobName, enqueue } from '@mangfold/jobs';
import { createAssociation, createEvent } from '../factories';
import { startTestApp, waitFor, type TestApp } from '../utils';
import { enqueueEventChanged, getFeed, uidOf, waitForFeed } from './feed-helpers';

describe('feed publishing through the jobs (worker running)', () => {
  let app: TestApp;
  let edited: Event;
  let other: Event;

  const affected = [
    '/calendar.ics',
    '/calendar.ics?lang=en',
    '/calendar/districts/amager-oest.ics',
    '/calendar/associations/publishing-forening.ics?lang=en',
    '/calendar/occasions/nowruz.ics',
    '/calendar/kinds/seminar.ics',
    '/calendar/events/nowruz-seminar.ics',
  ];
  const unaffected = [
    '/calendar/districts/vanloese.ics',
    '/calendar/associations/anden-forening.ics',
    '/calendar/kinds/cultural-event.ics',
  ];
  const sequenceIn = (app: TestApp, path: string, eventId: string) =>
    getFeed(app, path).then((r) => r.calendar?.events.find((e) => e.uid === uidOf(app, eventId))?.sequence);

  beforeAll(async () => {
    app = await startTestApp({ worker: true });
    const em = app.em();
    edited = await createEvent(em, {
      kind: EventKind.SEMINAR,
      slug: 'nowruz-seminar',
      districtSlug: 'amager-oest',
      occasionSlug: 'nowruz',
      organiser: await createAssociation(em, { name: 'Publishing Forening', slug: 'publishing-forening' }),
    });
    other = await createEvent(em, {
      districtSlug: 'vanloese',
      organiser: await createAssociation(em, { name: 'Anden Forening', slug: 'anden-forening' }),
    });
  });
  afterAll(() => app.close());

  it('publishes an event to every feed it belongs to within seconds of EventChanged', async () => {
    await enqueueEventChanged(app, edited.id, other.id);
    for (const path of affected) await waitForFeed(app, path, (cal) => cal.events.some((e) => e.uid === uidOf(app, edited.id)));
    for (const path of unaffected) await waitForFeed(app, path, (cal) => cal.events.some((e) => e.uid === uidOf(app, other.id)));
  });

  it('after an edit, each affected feed serves the new SEQUENCE with a new ETag; the others still answer 304', async () => {
    const before = new Map<string, string>();
    for (const path of [...affected, ...unaffected]) before.set(path, (await getFeed(app, path)).etag!);

    const sequence = (await app.em().findOneOrFail(Event, edited.id)).sequence + 1;
    await app.em().transactional(async (em) => {
      const row = await em.findOneOrFail(Event, edited.id);
      row.title = { da: 'Nowruz-seminar (flyttet)', en: 'Nowruz seminar (moved)' };
      row.startsAt = new Date(row.startsAt.getTime() + 86_400_000);
      row.endsAt = new Date(row.endsAt.getTime() + 86_400_000);
      row.sequence = sequence;
      enqueue(em, JobName.EventChanged, { eventId: edited.id });
    });

    for (const path of affected) {
      await waitFor(async () => (await sequenceIn(app, path, edited.id)) === sequence, 10_000, `new SEQUENCE in ${path}`);
      const now = await getFeed(app, path);
      expect(now.etag).not.toBe(before.get(path));
      expect((await getFeed(app, path, { headers: { 'if-none-match': before.get(path)! } })).status).toBe(200);
      expect((await getFeed(app, path, { headers: { 'if-none-match': now.etag! } })).status).toBe(304);
    }
    for (const path of unaffected) {
      expect((await getFeed(app, path, { headers: { 'if-none-match': before.get(path)! } })).status).toBe(304);
    }
  });

  it('re-renders the events of a renamed occasion (OccasionChanged)', async () => {
    const em = app.em();
    await em.transactional(async (tem) => {
      const occasion = await tem.findOneOrFail(Occasion, { slug: 'nowruz' });
      occasion.name = { ...occasion.name, da: 'Nowruz (persisk nytår)' };
      enqueue(tem, JobName.OccasionChanged, { occasionId: occasion.id });
    });
    const feed = await waitForFeed(app, '/calendar/occasions/nowruz.ics', (cal) =>
      cal.events.some((e) => e.uid === uidOf(app, edited.id) && e.categories.includes('Nowruz (persisk nytår)')),
    );
    expect(feed.calendar!.properties.NAME).toBe('Københavns Mangfoldighedskalender: Nowruz (persisk nytår)');
  });

  it('catches up, by the sweep, on feeds a job missed and on feeds whose window moved', async () => {
    const em = app.em();
    await em.execute(
      `update feed_state set wanted_version = wanted_version + 1, dirty_at = now() - interval '1 minute' where feed_key = 'kind/seminar'`,
    );
    await em.execute(`update feed_state set valid_until = now() - interval '1 second' where feed_key = 'district/vanloese'`);
    const swept = await app.worker!.get(FeedPublisher).sweep();
    expect(swept).toEqual(expect.arrayContaining(['kind/seminar', 'district/vanloese']));
    await waitFor(async () => {
      const rows: { n: number }[] = await app
        .em()
        .execute(
          `select count(*)::int as n from feed_state where feed_key in ('kind/seminar', 'district/vanloese') and rendered_version = wanted_version`,
        );
      return rows[0].n === 2;
    });
  });
});
