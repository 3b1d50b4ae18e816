import { Event, EventKind } from '@mangfold/calendar';
import { OutboxMessage } from '@mangfold/jobs';
import { Registration, RegistrationStatus } from '@mangfold/registrations';
import { createEvent } from '../factories';
import { dataOf, startTestApp, waitFor, type TestApp } from '../utils';
import { register, seatLedger } from './helpers';

/*
 * The calendar edits events through the ORM; raising the capacity there must promote the waiting
 * list without the calendar knowing about registrations (a flush subscriber enqueues the job, the
 * worker promotes under the event lock).
 */
describe('capacity changes made elsewhere', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ worker: true });
  });
  afterAll(() => app.close());

  async function fullEvent() {
    const event = await createEvent(app.em(), { kind: EventKind.SEMINAR, capacity: 2, registrationRequired: true });
    for (let i = 0; i < 5; i++) dataOf(await register(app, event.id));
    return { event };
  }

  const promoteJobs = (eventId: string) => app.em().count(OutboxMessage, { name: 'promote-waitlist', payload: { eventId } });

  it('promotes the waiting list when an edit raises the capacity', async () => {
    const { event } = await fullEvent();
    const em = app.em();
    const loaded = await em.findOneOrFail(Event, event.id);
    loaded.capacity = 4;
    await em.flush();
    expect(await promoteJobs(event.id)).toBe(1);

    const statuses = async () =>
      (await app.em().find(Registration, { event: event.id }, { orderBy: { queuePosition: 'asc' } })).map((r) => r.status);
    await waitFor(
      async () => (await statuses()).filter((s) => s === RegistrationStatus.CONFIRMED).length === 4,
      15_000,
      'promotion by the worker',
    );
    expect(await statuses()).toEqual(['CONFIRMED', 'CONFIRMED', 'CONFIRMED', 'CONFIRMED', 'WAITLISTED']);
    expect(await seatLedger(app.em(), event.id)).toEqual({ seatsTaken: 4, waitlistLength: 1, confirmedSeats: 4, waitlisted: 1 });
    // The edit did not overwrite the counters the registrations keep.
    expect((await app.em().findOneOrFail(Event, event.id)).seatsTaken).toBe(4);
  });

  it('promotes everyone when the capacity is lifted, and nobody when it is lowered or another field changes', async () => {
    const { event } = await fullEvent();
    const em = app.em();
    const loaded = await em.findOneOrFail(Event, event.id);
    loaded.capacity = 1;
    loaded.title = { da: 'Nyt navn', en: 'New name' };
    await em.flush();
    expect(await promoteJobs(event.id)).toBe(0);
    expect(await seatLedger(app.em(), event.id)).toMatchObject({ seatsTaken: 2, waitlistLength: 3 });

    loaded.capacity = null;
    await em.flush();
    expect(await promoteJobs(event.id)).toBe(1);
    await waitFor(async () => (await seatLedger(app.em(), event.id)).waitlistLength === 0, 15_000, 'everyone promoted');
    expect(await seatLedger(app.em(), event.id)).toEqual({ seatsTaken: 5, waitlistLength: 0, confirmedSeats: 5, waitlisted: 0 });
  });
});
