import { randomUUID } from 'node:crypto';
import { Association } from '@mangfold/associations';
import { Role } from '@mangfold/auth';
import { EventKind } from '@mangfold/calendar';
import { Feedback, Registration } from '@mangfold/registrations';
import { createAssociation, createEvent, createMember, createUser, tokenFor } from '../factories';
import { dataOf, errorOf, startTestApp, type TestApp } from '../utils';
import { CANCEL, register } from './helpers';

const LIST = `query($eventId: ID!, $first: Int, $after: String, $filter: RegistrationFilter) {
  eventRegistrations(eventId: $eventId, first: $first, after: $after, filter: $filter) {
    totalCount
    edges { cursor node { id name email phone status waitlistPosition partySize checkedInAt managementToken managementUrl calendarToken feedback { score } } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;

const CHECK_IN = `mutation($id: ID!) { checkIn(registrationId: $id) { id status checkedInAt } }`;
const UNDO_CHECK_IN = `mutation($id: ID!) { undoCheckIn(registrationId: $id) { id checkedInAt } }`;
const FEEDBACK = `mutation($token: String!, $input: FeedbackInput!) { submitFeedback(token: $token, input: $input) { id satisfied score comment } }`;

describe('organizer tools and feedback', () => {
  let app: TestApp;
  let organiser: { token: string; associationId: string };
  let stranger: string;

  beforeAll(async () => {
    app = await startTestApp();
    const primary = await createMember(app);
    organiser = { token: primary.token, associationId: primary.association.id };
    stranger = (await createMember(app)).token;
  });
  afterAll(() => app.close());

  async function seminar(capacity = 3, startsInMs = 14 * 24 * 3600_000) {
    const em = app.em();
    const association = await em.findOneOrFail(Association, organiser.associationId);
    const startsAt = new Date(Date.now() + startsInMs);
    return createEvent(em, {
      kind: EventKind.SEMINAR,
      capacity,
      registrationRequired: true,
      organiser: association,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
    });
  }

  describe('eventRegistrations', () => {
    it('lists an event’s registrations in arrival order for its organisers, with personal data but no secrets', async () => {
      const event = await seminar(2);
      for (const name of ['Ali', 'Bente', 'Chen', 'Dorte']) {
        dataOf(await register(app, event.id, { name, email: `${name.toLowerCase()}@example.org`, phone: '+4512345678' }));
      }
      const page1 = dataOf(await app.gql(LIST, { eventId: event.id, first: 3 }, organiser.token)).eventRegistrations;
      expect(page1.totalCount).toBe(4);
      expect(page1.edges.map((e: any) => [e.node.name, e.node.status, e.node.waitlistPosition])).toEqual([
        ['Ali', 'CONFIRMED', null],
        ['Bente', 'CONFIRMED', null],
        ['Chen', 'WAITLISTED', 1],
      ]);
      expect(page1.edges[0].node).toMatchObject({
        email: 'ali@example.org',
        phone: '+4512345678',
        managementToken: null,
        managementUrl: null,
        calendarToken: null,
        feedback: null,
      });
      expect(page1.pageInfo.hasNextPage).toBe(true);
      const page2 = dataOf(
        await app.gql(LIST, { eventId: event.id, first: 3, after: page1.pageInfo.endCursor }, organiser.token),
      ).eventRegistrations;
      expect(page2.edges.map((e: any) => e.node.name)).toEqual(['Dorte']);
      expect(page2.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

      const waiting = dataOf(
        await app.gql(LIST, { eventId: event.id, filter: { status: 'WAITLISTED' } }, organiser.token),
      ).eventRegistrations;
      expect(waiting.edges.map((e: any) => [e.node.name, e.node.waitlistPosition])).toEqual([
        ['Chen', 1],
        ['Dorte', 2],
      ]);
      const search = dataOf(await app.gql(LIST, { eventId: event.id, filter: { search: 'BENT' } }, organiser.token)).eventRegistrations;
      expect(search.edges.map((e: any) => e.node.name)).toEqual(['Bente']);
      const literal = dataOf(await app.gql(LIST, { eventId: event.id, filter: { search: '%' } }, organiser.token)).eventRegistrations;
      expect(literal.totalCount).toBe(0);
    });

    it('is for accepted co-organisers and admins too, and nobody else', async () => {
      const event = await seminar();
      await register(app, event.id);

      expect(errorOf(await app.gql(LIST, { eventId: event.id })).extensions?.code).toBe('UNAUTHENTICATED');
      expect(errorOf(await app.gql(LIST, { eventId: event.id }, stranger)).extensions?.code).toBe('FORBIDDEN');
      expect(errorOf(await app.gql(LIST, { eventId: randomUUID() }, organiser.token)).extensions?.code).toBe('NOT_FOUND');
      expect(
        dataOf(await app.gql(LIST, { eventId: event.id }, tokenFor(app, await createUser(app.em(), { role: Role.ADMIN }))))
          .eventRegistrations.totalCount,
      ).toBe(1);

      const co = await createMember(app, await createAssociation(app.em()));
      const withCo = await createEvent(app.em(), {
        kind: EventKind.SEMINAR,
        capacity: 5,
        registrationRequired: true,
        coOrganisers: [co.association],
      });
      await register(app, withCo.id);
      expect(dataOf(await app.gql(LIST, { eventId: withCo.id }, co.token)).eventRegistrations.totalCount).toBe(1);
      // A co-organizer that has not accepted yet sees nothing.
      const invited = await createMember(app, await createAssociation(app.em()));
      await app
        .em()
        .execute(
          `insert into event_organizer (id, event_id, association_id, role, status) values (gen_random_uuid(), ?, ?, 'CO_ORGANIZER', 'INVITED')`,
          [withCo.id, invited.association.id],
        );
      expect(errorOf(await app.gql(LIST, { eventId: withCo.id }, invited.token)).extensions?.code).toBe('FORBIDDEN');
    });

    it('rejects page sizes out of range and foreign cursors', async () => {
      const event = await seminar();
      for (const first of [0, 201]) {
        expect(errorOf(await app.gql(LIST, { eventId: event.id, first }, organiser.token)).extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          fields: { first: expect.any(String) },
        });
      }
      const error = errorOf(await app.gql(LIST, { eventId: event.id, after: 'bm9wZQ' }, organiser.token));
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { after: expect.any(String) } });
    });
  });

  describe('checkIn', () => {
    it('checks in confirmed registrants from 24 hours before the start, and can be undone', async () => {
      const event = await seminar(1, 3600_000);
      const seated = dataOf(await register(app, event.id)).registerForEvent;
      const waiting = dataOf(await register(app, event.id)).registerForEvent;

      const done = dataOf(await app.gql(CHECK_IN, { id: seated.id }, organiser.token)).checkIn;
      expect(done).toMatchObject({ id: seated.id, status: 'CONFIRMED', checkedInAt: expect.any(String) });
      // Twice is harmless: the first time stands.
      expect(dataOf(await app.gql(CHECK_IN, { id: seated.id }, organiser.token)).checkIn.checkedInAt).toBe(done.checkedInAt);

      const refused = errorOf(await app.gql(CHECK_IN, { id: waiting.id }, organiser.token));
      expect(refused.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { registrationId: expect.stringMatching(/waiting list/) },
      });

      const counts = `query($id: ID!) { eventRegistrationCounts(eventId: $id) { confirmed checkedIn waitlisted waitlistLength } }`;
      expect(dataOf(await app.gql(counts, { id: event.id })).eventRegistrationCounts).toEqual({
        confirmed: 1,
        checkedIn: 1,
        waitlisted: 1,
        waitlistLength: 1,
      });

      expect(dataOf(await app.gql(UNDO_CHECK_IN, { id: seated.id }, organiser.token)).undoCheckIn.checkedInAt).toBeNull();
      expect(errorOf(await app.gql(CHECK_IN, { id: seated.id }, stranger)).extensions?.code).toBe('FORBIDDEN');
      expect(errorOf(await app.gql(CHECK_IN, { id: randomUUID() }, organiser.token)).extensions?.code).toBe('NOT_FOUND');
      expect(errorOf(await app.gql(CHECK_IN, { id: seated.id })).extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('refuses cancelled registrations and check-ins days ahead', async () => {
      const soon = await seminar(2, 3600_000);
      const r = dataOf(await register(app, soon.id)).registerForEvent;
      dataOf(await app.gql(CANCEL, { token: r.managementToken }));
      expect(errorOf(await app.gql(CHECK_IN, { id: r.id }, organiser.token)).extensions?.fields).toEqual({
        registrationId: expect.stringMatching(/cancelled/),
      });
      const later = await seminar(2);
      const early = dataOf(await register(app, later.id)).registerForEvent;
      expect(errorOf(await app.gql(CHECK_IN, { id: early.id }, organiser.token)).extensions?.fields).toEqual({
        registrationId: expect.stringMatching(/24 hours/),
      });
    });
  });

  describe('CSV export', () => {
    it('streams the registrations to organisers, with every cell safe from spreadsheet formulas', async () => {
      const event = await seminar(1);
      await register(app, event.id, { name: '=HYPERLINK("http://evil.example","Klik")', email: 'eve@example.org', phone: '+4587654321' });
      await register(app, event.id, { name: 'Søren "Sønne" Ærø, Valby', email: 'soren@example.org', partySize: 1 });
      const url = `${app.url}/events/${event.id}/registrations.csv`;

      const res = await fetch(url, { headers: { authorization: `Bearer ${organiser.token}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="registrations-${event.slug}.csv"`);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = bytes.subarray(3).toString('utf8').split('\r\n');
      expect(lines[0]).toBe(
        'position,status,name,email,phone,organisation,role,party_size,language,registered_at,promoted_at,checked_in_at,cancelled_at',
      );
      expect(lines[1]).toMatch(/^,CONFIRMED,"'=HYPERLINK\(""http:\/\/evil.example"",""Klik""\)",eve@example.org,"'\+4587654321",/);
      expect(lines[2]).toMatch(/^1,WAITLISTED,"Søren ""Sønne"" Ærø, Valby",soren@example.org,/);
      expect(lines[3]).toBe('');

      const waiting = await (await fetch(`${url}?status=WAITLISTED`, { headers: { authorization: `Bearer ${organiser.token}` } })).text();
      expect(waiting.split('\r\n').filter(Boolean)).toHaveLength(2);
    });

    it('answers 401, 403, 404 and 400 like the GraphQL errors', async () => {
      const event = await seminar();
      const url = `${app.url}/events/${event.id}/registrations.csv`;
      const anonymous = await fetch(url);
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
      expect(await anonymous.json()).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'UNAUTHENTICATED' } }] });
      expect((await fetch(url, { headers: { authorization: `Bearer ${stranger}` } })).status).toBe(403);
      expect(
        (await fetch(`${app.url}/events/${randomUUID()}/registrations.csv`, { headers: { authorization: `Bearer ${organiser.token}` } }))
          .status,
      ).toBe(404);
      const bad = await fetch(`${url}?status=MAYBE`, { headers: { authorization: `Bearer ${organiser.token}` } });
      expect(bad.status).toBe(400);
      expect((await bad.json()).errors[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { status: expect.any(String) },
      });
    });
  });

  describe('submitFeedback', () => {
    it('takes one answer per registration after the event has ended', async () => {
      const event = await seminar(1);
      const seated = dataOf(await register(app, event.id)).registerForEvent;
      const waiting = dataOf(await register(app, event.id)).registerForEvent;
      const input = { satisfied: true, score: 5, comment: 'Godt seminar' };

      const early = errorOf(await app.gql(FEEDBACK, { token: seated.managementToken, input }));
      expect(early.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { token: expect.stringMatching(/ended/) } });

      await app
        .em()
        .execute(`update event set starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' where id = ?`, [event.id]);
      const feedback = dataOf(await app.gql(FEEDBACK, { token: seated.managementToken, input })).submitFeedback;
      expect(feedback).toMatchObject({ satisfied: true, score: 5, comment: 'Godt seminar' });
      const again = errorOf(await app.gql(FEEDBACK, { token: seated.managementToken, input: { satisfied: false } }));
      expect(again.extensions?.code).toBe('CONFLICT');
      expect(errorOf(await app.gql(FEEDBACK, { token: waiting.managementToken, input })).extensions?.fields).toEqual({
        token: expect.stringMatching(/seat/),
      });
      expect(errorOf(await app.gql(FEEDBACK, { token: `${randomUUID()}.${'A'.repeat(43)}`, input })).extensions?.code).toBe('NOT_FOUND');

      const stored = await app.em().findOneOrFail(Feedback, feedback.id);
      expect(stored.event.id).toBe(event.id);
      const mine = dataOf(
        await app.gql(`query($t: String!) { registration(token: $t) { feedback { satisfied score } } }`, { t: seated.managementToken }),
      );
      expect(mine.registration.feedback).toEqual({ satisfied: true, score: 5 });
    });

    it('refuses scores outside 1–5 naming the field', async () => {
      const event = await seminar(1);
      const r = dataOf(await register(app, event.id)).registerForEvent;
      for (const score of [0, 6]) {
        expect(errorOf(await app.gql(FEEDBACK, { token: r.managementToken, input: { satisfied: true, score } })).extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          fields: { score: expect.any(String) },
        });
      }
      expect(await app.em().count(Feedback, { registration: r.id })).toBe(0);
      expect(await app.em().count(Registration, { event: event.id })).toBe(1);
    });
  });
});
