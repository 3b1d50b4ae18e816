import { Event, EventKind } from '@mangfold/calendar';
import { RegistrationStatus } from '@mangfold/registrations';
import { createEvent, createInternationalDay, createRegistration } from '../factories';
import { attendee } from './helpers';
import { startTestApp, type TestApp } from '../utils';

describe('registration fields on the Event type', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('resolves seats, head counts and the registration window for many events in one batch', async () => {
    const em = app.em();
    const full = await createEvent(em, { kind: EventKind.SEMINAR, capacity: 2, registrationRequired: true });
    const open = await createEvent(em, { kind: EventKind.SEMINAR, capacity: 10, registrationRequired: true });
    const plain = await createEvent(em, {});
    await createRegistration(em, full, { partySize: 2, checkedIn: true });
    await createRegistration(em, full, { status: RegistrationStatus.WAITLISTED, partySize: 3 });
    await createRegistration(em, open, { partySize: 1 });

    const fetched = await Promise.all(
      [full, open, plain].map((e) =>
        app.gql(
          `
        query ($id: ID!) {
          event(id: $id) {
            id
            seatsLeft
            waitlistLength
            registrationCounts {
              registrationOpen
              capacity
              confirmed
              checkedIn
              waitlisted
            }
          }
        }
      `,
          { id: e.id },
        ),
      ),
    );
    for (const res of fetched) expect(res.errors).toBeUndefined();
    expect(fetched.map((res) => res.data!.event)).toEqual([
      {
        id: full.id,
        seatsLeft: 0,
        waitlistLength: 1,
        registrationCounts: { registrationOpen: true, capacity: 2, confirmed: 2, checkedIn: 2, waitlisted: 3 },
      },
      {
        id: open.id,
        seatsLeft: 9,
        waitlistLength: 0,
        registrationCounts: { registrationOpen: true, capacity: 10, confirmed: 1, checkedIn: 0, waitlisted: 0 },
      },
      {
        id: plain.id,
        seatsLeft: null,
        waitlistLength: 0,
        registrationCounts: { registrationOpen: false, capacity: null, confirmed: 0, checkedIn: 0, waitlisted: 0 },
      },
    ]);
  });

  it('gives Registration and InternationalDay their event', async () => {
    const em = app.em();
    const event = await createEvent(em, { kind: EventKind.SEMINAR, capacity: 5, registrationRequired: true });
    const day = await createInternationalDay(em, { year: 2050 });
    const registered = await app.gql(
      `
        mutation ($eventId: ID!, $input: AttendeeInput!) {
          registerForEvent(eventId: $eventId, input: $input) {
            id
            event {
              id
              slug
            }
          }
        }
      `,
      { eventId: event.id, input: attendee() },
    );
    expect(registered.errors).toBeUndefined();
    expect(registered.data!.registerForEvent.event).toEqual({ id: event.id, slug: event.slug });
    const res = await app.gql(
      `
        {
          internationalDay(year: 2050) {
            event {
              id
              slug
            }
          }
        }
      `,
    );
    expect(res.data!.internationalDay.event).toEqual({ id: day.event.id, slug: (await em.findOneOrFail(Event, day.event.id)).slug });
  });
});
