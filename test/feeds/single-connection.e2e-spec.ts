import { Event } from '@mangfold/calendar';
import { createEvent } from '../factories';
import { startTestApp, waitFor, type TestApp } from '../utils';
import { enqueueEventChanged, getFeed, uidOf, waitForFeed } from './feed-helpers';

// `npm start` runs on the embedded database with one connection per process: nothing in the feeds
// may wait for a second connection while holding the first.
describe('feeds with a pool of one connection (the embedded database)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ worker: true, env: { DATABASE_POOL_MAX: '1' } });
  });
  afterAll(() => app.close());

  it('publishes, renders on demand and republishes after an edit', async () => {
    const event = await createEvent(app.em(), { districtSlug: 'bispebjerg', slug: 'en-forbindelse' });
    await enqueueEventChanged(app, event.id);
    await waitForFeed(app, '/calendar/districts/bispebjerg.ics', (cal) => cal.events.some((e) => e.uid === uidOf(app, event.id)));
    expect((await getFeed(app, '/calendar/events/en-forbindelse.ics?lang=en')).calendar!.events).toHaveLength(1);
    const em = app.em();
    const row = await em.findOneOrFail(Event, event.id);
    row.sequence += 1;
    await em.flush();
    await enqueueEventChanged(app, event.id);
    await waitFor(async () => (await getFeed(app, '/calendar/events/en-forbindelse.ics?lang=en')).calendar!.events[0].sequence === 1);
  });
});
