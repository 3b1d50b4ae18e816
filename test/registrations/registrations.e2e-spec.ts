import { randomUUID } from 'node:crypto';
import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import { EventKind, EventStatus } from '@mangfold/calendar';
import { Registration, RegistrationStatus, RegistrationsService, registrationToken } from '@mangfold/registrations';
import { createAssociation, createEvent, createMember } from '../factories';
import { dataOf, errorOf, startTestApp, waitFor, type TestApp } from '../utils';
import { BY_TOKEN, CANCEL, attendee, notifications, register, seatLedger } from './helpers';

describe('registering for an event', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { TRUST_PROXY: 'true' } });
  });
  afterAll(() => app.close());

  const seminar = (data: Parameters<typeof createEvent>[1] = {}) =>
    createEvent(app.em(), { kind: EventKind.SEMINAR, capacity: 10, registrationRequired: true, ...data });

  it('confirms a seat anonymously, returns the secret links once, and enqueues the confirmation', async () => {
    const event = await seminar();
    const res = await register(app, event.id, {
      name: '  Amina Hassan ',
      email: 'Amina.Hassan@Example.org',
      phone: '+45 12 34 56 78',
      organisation: 'Valby Kulturbro',
      role: 'VOLUNTEER',
      partySize: 2,
      language: 'EN',
    });
    const r = dataOf(res).registerForEvent;
    expect(r).toMatchObject({
      eventId: event.id,
      status: 'CONFIRMED',
      waitlistPosition: null,
      partySize: 2,
      name: 'Amina Hassan',
      email: 'amina.hassan@example.org',
      phone: '+45 12 34 56 78',
      organisation: 'Valby Kulturbro',
      role: 'VOLUNTEER',
      language: 'EN',
      consentVersion: '2026-01',
      alreadyRegistered: false,
    });
    expect(r.managementToken).toMatch(new RegExp(`^${r.id}\\.[A-Za-z0-9_-]{43}$`));
    expect(r.managementUrl).toBe(`http://mangfold.test/registrations/manage?token=${encodeURIComponent(r.managementToken)}`);
    expect(r.personalFeedUrl).toBe(`http://mangfold.test/calendar/registrations/${r.calendarToken}.ics`);

    const em = app.em();
    const row = await em.findOneOrFail(Registration, r.id);
    // Nothing secret is stored: neither token appears in the row.
    expect(JSON.stringify(row)).not.toContain(r.managementToken.split('.')[1]);
    expect(JSON.stringify(row)).not.toContain(r.calendarToken);
    expect(await seatLedger(em, event.id)).toEqual({ seatsTaken: 2, waitlistLength: 0, confirmedSeats: 2, waitlisted: 0 });
    expect(await notifications(em, [r.id])).toEqual([`registration-confirmed:${r.id}`]);
    // The relay hands the mail job to the queue once the registration has committed.
    const dispatched = async () => {
      const rows = await app
        .em()
        .execute<{ dispatched_at: string | null }[]>(`select dispatched_at from outbox_message where payload->>'registrationId' = ?`, [
          r.id,
        ]);
      return rows[0]?.dispatched_at !== null;
    };
    await waitFor(dispatched, 10_000, 'the confirmation job relayed to BullMQ');
  });

  it('waitlists a party that does not fit, with its position, and counts the party against capacity', async () => {
    const event = await seminar({ capacity: 5 });
    const a = dataOf(await register(app, event.id, { partySize: 4 })).registerForEvent;
    const b = dataOf(await register(app, event.id, { partySize: 2 })).registerForEvent;
    const c = dataOf(await register(app, event.id, { partySize: 1 })).registerForEvent;
    expect([a.status, b.status, c.status]).toEqual(['CONFIRMED', 'WAITLISTED', 'WAITLISTED']);
    // Strict order: the single seat left is not given to c while b (a party of 2) waits ahead of it.
    expect([b.waitlistPosition, c.waitlistPosition]).toEqual([1, 2]);
    expect(await seatLedger(app.em(), event.id)).toEqual({ seatsTaken: 4, waitlistLength: 2, confirmedSeats: 4, waitlisted: 2 });
    expect(await notifications(app.em(), [b.id])).toEqual([`registration-waitlisted:${b.id}`]);

    const again = dataOf(await app.gql(BY_TOKEN, { token: c.managementToken })).registration;
    expect(again).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 2 });
  });

  it('returns the existing registration for the same email (any case), without its secrets or personal data', async () => {
    const event = await seminar();
    const first = dataOf(
      await register(app, event.id, { email: 'bo@example.org', name: 'Bo Jensen', phone: '+4511223344' }),
    ).registerForEvent;
    const second = dataOf(
      await register(app, event.id, { email: ' BO@example.ORG ', name: 'Someone Else', partySize: 3 }),
    ).registerForEvent;
    expect(second).toMatchObject({
      id: first.id,
      status: 'CONFIRMED',
      partySize: 1,
      email: 'bo@example.org',
      name: null,
      phone: null,
      alreadyRegistered: true,
      managementToken: null,
      managementUrl: null,
      calendarToken: null,
    });
    expect(await app.em().count(Registration, { event: event.id })).toBe(1);
    expect(await seatLedger(app.em(), event.id)).toMatchObject({ seatsTaken: 1, confirmedSeats: 1 });
    // The link goes again by mail, to the address on file.
    expect(await notifications(app.em(), [first.id])).toEqual([`registration-confirmed:${first.id}`, `registration-confirmed:${first.id}`]);
  });

  it('lets the same email register again after cancelling', async () => {
    const event = await seminar();
    const first = dataOf(await register(app, event.id, { email: 'cy@example.org' })).registerForEvent;
    dataOf(await app.gql(CANCEL, { token: first.managementToken }));
    const second = dataOf(await register(app, event.id, { email: 'cy@example.org' })).registerForEvent;
    expect(second.id).not.toBe(first.id);
    expect(second.alreadyRegistered).toBe(false);
  });

  describe('refuses bad input with BAD_USER_INPUT naming the field, and writes nothing', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['missing consent', { consentToPrivacyNotice: false }, 'consentToPrivacyNotice'],
      ['party size 0', { partySize: 0 }, 'partySize'],
      ['party size 11', { partySize: 11 }, 'partySize'],
      ['an invalid email', { email: 'not-an-email' }, 'email'],
      ['an empty name', { name: '   ' }, 'name'],
      ['a bad phone number', { phone: 'call me' }, 'phone'],
    ];
    it.each(cases)('%s', async (_what, input, field) => {
      const event = await seminar();
      const res = await app.gql(`mutation($id: ID!, $input: AttendeeInput!) { registerForEvent(eventId: $id, input: $input) { id } }`, {
        id: event.id,
        input: attendee(input as never),
      });
      const error = errorOf(res);
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      expect(Object.keys(error.extensions?.fields ?? {})).toEqual([field]);
      expect(await app.em().count(Registration, { event: event.id })).toBe(0);
    });

    const closed: [string, () => Promise<string>, RegExp][] = [
      [
        'registration closed',
        async () => {
          const e = await seminar();
          await app.em().execute(`update event set registration_closes_at = now() - interval '1 hour' where id = ?`, [e.id]);
          return e.id;
        },
        /closed/,
      ],
      [
        'registration not open yet',
        async () => {
          const e = await seminar();
          await app.em().execute(`update event set registration_opens_at = now() + interval '1 day' where id = ?`, [e.id]);
          return e.id;
        },
        /not open yet/,
      ],
      ['event cancelled', async () => (await seminar({ status: EventStatus.CANCELLED })).id, /cancelled/],
      [
        'event already started',
        async () => (await seminar({ startsAt: new Date(Date.now() - 3600_000), endsAt: new Date(Date.now() + 3600_000) })).id,
        /started/,
      ],
      ['event without registration', async () => (await createEvent(app.em(), {})).id, /no registrations/],
      [
        'International Day (participants register otherwise)',
        async () => (await seminar({ kind: EventKind.INTERNATIONAL_DAY })).id,
        /International Day/,
      ],
    ];
    it.each(closed)('%s', async (_what, make, message) => {
      const eventId = await make();
      const error = errorOf(await register(app, eventId));
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error.extensions?.fields).toEqual({ eventId: expect.stringMatching(message) });
      expect(await app.em().count(Registration, { event: eventId })).toBe(0);
      const counts = `query($id: ID!) { eventRegistrationCounts(eventId: $id) { registrationOpen } }`;
      expect(dataOf(await app.gql(counts, { id: eventId })).eventRegistrationCounts.registrationOpen).toBe(false);
    });
  });

  it('answers NOT_FOUND for unknown, malformed and unpublished events', async () => {
    const draft = await seminar({ status: EventStatus.DRAFT });
    for (const id of [randomUUID(), 'not-a-uuid', draft.id]) {
      expect(errorOf(await register(app, id)).extensions?.code).toBe('NOT_FOUND');
    }
  });

  it('answers NOT_FOUND for a wrong, tampered or revoked token, saying nothing about the event', async () => {
    const event = await seminar();
    const r = dataOf(await register(app, event.id)).registerForEvent;
    const [id, mac] = r.managementToken.split('.');
    const wrong = [`${id}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`, `${randomUUID()}.${mac}`, 'garbage', `${id}`];
    for (const token of wrong) {
      for (const op of [BY_TOKEN, CANCEL]) {
        const error = errorOf(await app.gql(op, { token }));
        expect(error.extensions?.code).toBe('NOT_FOUND');
        expect(error.message).toBe('Registration was not found');
      }
    }
    await app.em().nativeUpdate(Registration, { id }, { tokenVersion: 1 });
    expect(errorOf(await app.gql(BY_TOKEN, { token: r.managementToken })).extensions?.code).toBe('NOT_FOUND');
    const fresh = registrationToken(app.config, { id, tokenVersion: 1 });
    expect(dataOf(await app.gql(BY_TOKEN, { token: fresh })).registration.id).toBe(id);
  });

  describe('cancelling', () => {
    it('frees the seats and promotes in arrival order while parties fit; a party of 3 keeps its place before a 2', async () => {
      const event = await seminar({ capacity: 6 });
      const holder = dataOf(await register(app, event.id, { partySize: 4 })).registerForEvent;
      const small = dataOf(await register(app, event.id, { partySize: 2 })).registerForEvent;
      const three = dataOf(await register(app, event.id, { partySize: 3 })).registerForEvent;
      const two = dataOf(await register(app, event.id, { partySize: 2 })).registerForEvent;
      const one = dataOf(await register(app, event.id, { partySize: 1 })).registerForEvent;
      expect([holder.status, small.status, three.status, two.status, one.status]).toEqual([
        'CONFIRMED',
        'CONFIRMED',
        'WAITLISTED',
        'WAITLISTED',
        'WAITLISTED',
      ]);

      // 2 seats free: the 3 at the head does not fit, and under the strict rule nobody passes it.
      const cancelled = dataOf(await app.gql(CANCEL, { token: small.managementToken })).cancelRegistration;
      expect(cancelled).toMatchObject({ status: 'CANCELLED', cancelledAt: expect.any(String) });
      const status = async (r: { managementToken: string }) => dataOf(await app.gql(BY_TOKEN, { token: r.managementToken })).registration;
      expect((await status(three)).status).toBe('WAITLISTED');
      expect((await status(two)).waitlistPosition).toBe(2);

      // 6 seats free: the 3 and the 2 are promoted (5 seats), the 1 fits too.
      dataOf(await app.gql(CANCEL, { token: holder.managementToken }));
      for (const r of [three, two, one]) expect(await status(r)).toMatchObject({ status: 'CONFIRMED', promotedAt: expect.any(String) });
      expect(await seatLedger(app.em(), event.id)).toEqual({ seatsTaken: 6, waitlistLength: 0, confirmedSeats: 6, waitlisted: 0 });
      expect(await notifications(app.em(), [small.id, three.id])).toEqual([
        `registration-confirmed:${small.id}`,
        `registration-waitlisted:${three.id}`,
        `registration-cancelled:${small.id}`,
        `registration-promoted:${three.id}`,
      ]);

      // Idempotent: cancelling twice returns the cancelled registration and changes nothing.
      expect(dataOf(await app.gql(CANCEL, { token: small.managementToken })).cancelRegistration.status).toBe('CANCELLED');
      expect(await seatLedger(app.em(), event.id)).toMatchObject({ seatsTaken: 6, waitlistLength: 0 });
    });

    it('lets a smaller party go ahead when the organisers allow skipping', async () => {
      const { association, token } = await createMember(app);
      const event = await seminar({ capacity: 4, organiser: association });
      const holder = dataOf(await register(app, event.id, { partySize: 2 })).registerForEvent;
      dataOf(await register(app, event.id, { partySize: 2 }));
      const three = dataOf(await register(app, event.id, { partySize: 3 })).registerForEvent;
      const one = dataOf(await register(app, event.id, { partySize: 1 })).registerForEvent;
      expect([three.status, one.status]).toEqual(['WAITLISTED', 'WAITLISTED']);

      const settings = dataOf(
        await app.gql(
          `mutation($id: ID!) { updateRegistrationSettings(eventId: $id, input: { allowWaitlistSkipping: true }) { eventId allowWaitlistSkipping } }`,
          { id: event.id },
          token,
        ),
      ).updateRegistrationSettings;
      expect(settings).toEqual({ eventId: event.id, allowWaitlistSkipping: true });

      dataOf(await app.gql(CANCEL, { token: holder.managementToken }));
      const state = async (r: { managementToken: string }) =>
        dataOf(await app.gql(BY_TOKEN, { token: r.managementToken })).registration as { status: string; waitlistPosition: number };
      expect(await state(three)).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1 });
      expect(await state(one)).toMatchObject({ status: 'CONFIRMED' });
      expect(await seatLedger(app.em(), event.id)).toEqual({ seatsTaken: 3, waitlistLength: 1, confirmedSeats: 3, waitlisted: 1 });
    });

    it('is refused once the event has started', async () => {
      const event = await seminar();
      const r = dataOf(await register(app, event.id)).registerForEvent;
      await app.em().execute(`update event set starts_at = now() - interval '1 minute' where id = ?`, [event.id]);
      const error = errorOf(await app.gql(CANCEL, { token: r.managementToken }));
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { token: expect.stringMatching(/started/) } });
    });
  });

  it('never cancels anyone when the capacity is lowered, and promotes nobody until enough seats are free', async () => {
    const event = await seminar({ capacity: 4 });
    const confirmed = [];
    for (let i = 0; i < 4; i++) confirmed.push(dataOf(await register(app, event.id)).registerForEvent);
    const waiting = dataOf(await register(app, event.id)).registerForEvent;
    await app.em().execute('update event set capacity = 2 where id = ?', [event.id]);

    const counts = `query($id: ID!) { eventRegistrationCounts(eventId: $id) { capacity seatsLeft seatsTaken confirmed waitlistLength } }`;
    expect(dataOf(await app.gql(counts, { id: event.id })).eventRegistrationCounts).toEqual({
      capacity: 2,
      seatsLeft: 0,
      seatsTaken: 4,
      confirmed: 4,
      waitlistLength: 1,
    });
    dataOf(await app.gql(CANCEL, { token: confirmed[0].managementToken }));
    dataOf(await app.gql(CANCEL, { token: confirmed[1].managementToken }));
    expect(dataOf(await app.gql(BY_TOKEN, { token: waiting.managementToken })).registration.status).toBe('WAITLISTED');
    dataOf(await app.gql(CANCEL, { token: confirmed[2].managementToken }));
    expect(dataOf(await app.gql(BY_TOKEN, { token: waiting.managementToken })).registration.status).toBe('CONFIRMED');
    expect(await seatLedger(app.em(), event.id)).toEqual({ seatsTaken: 2, waitlistLength: 0, confirmedSeats: 2, waitlisted: 0 });
  });

  it('confirms everyone at an event without a capacity that requires registration', async () => {
    const event = await seminar({ capacity: null });
    const r = dataOf(await register(app, event.id, { partySize: 10 })).registerForEvent;
    expect(r.status).toBe('CONFIRMED');
    const counts = dataOf(
      await app.gql(`query($id: ID!) { eventRegistrationCounts(eventId: $id) { capacity seatsLeft seatsTaken } }`, { id: event.id }),
    ).eventRegistrationCounts;
    expect(counts).toEqual({ capacity: null, seatsLeft: null, seatsTaken: 10 });
    const open = `query($id: ID!) { eventRegistrationCounts(eventId: $id) { registrationOpen } }`;
    expect(dataOf(await app.gql(open, { id: event.id })).eventRegistrationCounts.registrationOpen).toBe(true);
  });

  it('finds a person’s live registrations across events by their calendar token', async () => {
    // The feeds lib calls it inside an HTTP request; here a request context stands in for one.
    const orm = app.api.get(MikroORM);
    const service = app.api.get(RegistrationsService);
    const inContext = <T>(fn: () => Promise<T>) => RequestContext.create(orm.em, fn);
    const [e1, e2, e3] = [await seminar(), await seminar({ capacity: 1 }), await seminar()];
    await register(app, e2.id);
    const r1 = dataOf(await register(app, e1.id, { email: 'dina@example.org' })).registerForEvent;
    const r2 = dataOf(await register(app, e2.id, { email: 'DINA@example.org' })).registerForEvent;
    const r3 = dataOf(await register(app, e3.id, { email: 'dina@example.org' })).registerForEvent;
    expect(r1.calendarToken).toBe(r2.calendarToken);
    dataOf(await app.gql(CANCEL, { token: r3.managementToken }));

    const entries = await inContext(() => service.personalFeedEntries(r1.calendarToken));
    expect(entries).toEqual([
      { registrationId: r1.id, eventId: e1.id, status: RegistrationStatus.CONFIRMED },
      { registrationId: r2.id, eventId: e2.id, status: RegistrationStatus.WAITLISTED },
    ]);
    expect(await inContext(() => service.personalFeedEventIds(r1.calendarToken))).toEqual([e1.id, e2.id]);
    expect(await inContext(() => service.personalFeedEntries('A'.repeat(43)))).toBeNull();
    expect(await inContext(() => service.personalFeedEntries('../../etc/passwd'))).toBeNull();
  });

  it('is not confused by an organiser of another association', async () => {
    // Registering needs no account; a logged-in caller registers like anyone else.
    const { token } = await createMember(app, await createAssociation(app.em()));
    const event = await seminar();
    const r = dataOf(await register(app, event.id, {}, { token })).registerForEvent;
    expect(r.status).toBe('CONFIRMED');
  });
});
