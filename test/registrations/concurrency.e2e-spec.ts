import { EventKind } from '@mangfold/calendar';
import { Participation, ParticipationActivity, ParticipationStatus, Registration, RegistrationStatus } from '@mangfold/registrations';
import { createEvent, createInternationalDay, createMember, createParticipation } from '../factories';
import { dataOf, graphql, startTestApp, type TestApp } from '../utils';
import { CANCEL, adminToken, clientIp, register, seatLedger } from './helpers';

/*
 * Capacity under real concurrency: every request goes over HTTP to the api, which holds a small
 * pool of PostgreSQL connections, so requests race for the event row exactly as on N replicas.
 */
describe('capacity under concurrency', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { TRUST_PROXY: 'true' } });
  });
  afterAll(() => app.close());

  it('300 concurrent registrations at 40 seats: exactly 40 confirmed, 260 waitlisted in arrival order, no errors; cancellations promote in order', async () => {
    const event = await createEvent(app.em(), { kind: EventKind.SEMINAR, capacity: 40, registrationRequired: true });
    const responses = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        register(app, event.id, { email: `person-${i}@example.org`, name: `Person ${i}` }, { ip: clientIp(i) }),
      ),
    );
    expect(responses.filter((r) => r.errors?.length)).toEqual([]);
    const results = responses.map((r) => r.data!.registerForEvent);
    expect(results.filter((r) => r.status === 'CONFIRMED')).toHaveLength(40);
    expect(results.filter((r) => r.status === 'WAITLISTED')).toHaveLength(260);
    // Every waiting place handed out exactly once.
    const positions = results.filter((r) => r.status === 'WAITLISTED').map((r) => r.waitlistPosition as number);
    expect(positions.sort((a, b) => a - b)).toEqual(Array.from({ length: 260 }, (_, i) => i + 1));

    // Arrival order (the database sequence) agrees with the outcome: the first 40 hold the seats,
    // and each waitlisted answer named its place in that order.
    const rows = await app.em().find(Registration, { event: event.id }, { orderBy: { queuePosition: 'asc' } });
    expect(rows.map((r) => r.status)).toEqual([...Array(40).fill('CONFIRMED'), ...Array(260).fill('WAITLISTED')]);
    const answered = new Map(results.map((r) => [r.id as string, r.waitlistPosition as number | null]));
    rows.slice(40).forEach((r, i) => expect(answered.get(r.id)).toBe(i + 1));
    expect(await seatLedger(app.em(), event.id)).toEqual({ seatsTaken: 40, waitlistLength: 260, confirmedSeats: 40, waitlisted: 260 });

    // 10 confirmed and 5 waitlisted people cancel at the same moment: the 10 earliest still waiting get the seats.
    const byId = new Map(results.map((r) => [r.id as string, r]));
    const cancelConfirmed = rows.slice(0, 10).map((r) => byId.get(r.id)!);
    const cancelWaiting = rows.slice(41, 46).map((r) => byId.get(r.id)!);
    const cancels = await Promise.all(
      [...cancelConfirmed, ...cancelWaiting].map((r, i) =>
        graphql(app.url, CANCEL, { token: r.managementToken }, { headers: { 'x-forwarded-for': clientIp(1000 + i) } }),
      ),
    );
    expect(cancels.filter((r) => r.errors?.length)).toEqual([]);

    const after = await app.em().find(Registration, { event: event.id }, { orderBy: { queuePosition: 'asc' } });
    const cancelledIds = new Set([...cancelConfirmed, ...cancelWaiting].map((r) => r.id as string));
    const stillThere = after.filter((r) => !cancelledIds.has(r.id));
    expect(
      after
        .filter((r) => r.status === RegistrationStatus.CANCELLED)
        .map((r) => r.id)
        .sort(),
    ).toEqual([...cancelledIds].sort());
    // Strict order: the 30 who kept their seats, then the 10 earliest of those still waiting, then the rest waiting.
    expect(stillThere.map((r) => r.status)).toEqual([...Array(40).fill('CONFIRMED'), ...Array(245).fill('WAITLISTED')]);
    expect(stillThere.slice(30, 40).every((r) => r.promotedAt !== null)).toBe(true);
    expect(await seatLedger(app.em(), event.id)).toEqual({ seatsTaken: 40, waitlistLength: 245, confirmedSeats: 40, waitlisted: 245 });
  });

  it('mixed party sizes racing for 40 seats never overbook, and the confirmed are exactly the head of the queue', async () => {
    const event = await createEvent(app.em(), { kind: EventKind.SEMINAR, capacity: 40, registrationRequired: true });
    const responses = await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        register(app, event.id, { email: `party-${i}@example.org`, partySize: 1 + (i % 4) }, { ip: clientIp(i) }),
      ),
    );
    expect(responses.filter((r) => r.errors?.length)).toEqual([]);
    const rows = await app.em().find(Registration, { event: event.id }, { orderBy: { queuePosition: 'asc' } });
    const head = rows.findIndex((r) => r.status === RegistrationStatus.WAITLISTED);
    const seated = rows.slice(0, head).reduce((sum, r) => sum + r.partySize, 0);
    expect(rows.slice(0, head).every((r) => r.status === RegistrationStatus.CONFIRMED)).toBe(true);
    expect(rows.slice(head).every((r) => r.status === RegistrationStatus.WAITLISTED)).toBe(true);
    expect(seated).toBeLessThanOrEqual(40);
    // The first one waiting did not fit in what was left.
    expect(rows[head].partySize).toBeGreaterThan(40 - seated);
    expect(await seatLedger(app.em(), event.id)).toEqual({
      seatsTaken: seated,
      waitlistLength: 120 - head,
      confirmedSeats: seated,
      waitlisted: 120 - head,
    });
  });

  it('the same person submitting twice at once gets one registration', async () => {
    const event = await createEvent(app.em(), { kind: EventKind.SEMINAR, capacity: 10, registrationRequired: true });
    const responses = await Promise.all(Array.from({ length: 8 }, () => register(app, event.id, { email: 'double@example.org' })));
    expect(responses.filter((r) => r.errors?.length)).toEqual([]);
    expect(new Set(responses.map((r) => r.data!.registerForEvent.id)).size).toBe(1);
    expect(responses.filter((r) => r.data!.registerForEvent.alreadyRegistered === false)).toHaveLength(1);
    expect(await seatLedger(app.em(), event.id)).toMatchObject({ seatsTaken: 1, confirmedSeats: 1 });
  });

  it('30 concurrent confirmations for 10 stands: exactly 10 confirmed, 20 waitlisted; withdrawals promote in application order', async () => {
    const day = await createInternationalDay(app.em(), { standCapacity: 10, year: 2031 });
    const em = app.em();
    const pending: Participation[] = [];
    for (let i = 0; i < 30; i++) pending.push(await createParticipation(em, day, { activities: [ParticipationActivity.STAND] }));
    const performer = await createParticipation(em, day, { activities: [ParticipationActivity.PERFORMANCE] });
    const admin = await adminToken(app);
    const confirm = `mutation($id: ID!) { confirmParticipation(id: $id) { id status waitlistPosition } }`;

    const responses = await Promise.all([...pending, performer].map((p) => app.gql(confirm, { id: p.id }, admin)));
    expect(responses.filter((r) => r.errors?.length)).toEqual([]);
    const rows = await app.em().find(Participation, { internationalDay: day.id }, { orderBy: { queuePosition: 'asc' } });
    const stands = rows.filter((p) => p.needsStand);
    expect(stands.filter((p) => p.status === ParticipationStatus.CONFIRMED)).toHaveLength(10);
    expect(stands.filter((p) => p.status === ParticipationStatus.WAITLISTED)).toHaveLength(20);
    // A performance needs no stand: confirmed whatever the stands.
    expect(rows.find((p) => p.id === performer.id)!.status).toBe(ParticipationStatus.CONFIRMED);
    // The waiting list is in application order, whatever order the confirmations arrived in.
    const list = dataOf(
      await app.gql(`{ participations(year: 2031, status: WAITLISTED, first: 100) { edges { node { id waitlistPosition } } } }`, {}, admin),
    ).participations.edges.map((e: any) => e.node);
    expect(list.map((p: any) => p.id)).toEqual(stands.filter((p) => p.status === ParticipationStatus.WAITLISTED).map((p) => p.id));
    expect(list.map((p: any) => p.waitlistPosition)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));

    // Three confirmed participants withdraw at once (a member of the association, and TFI for the others).
    const member = await createMember(app);
    const own = await createParticipation(app.em(), day, { association: member.association, activities: [ParticipationActivity.FOOD] });
    expect(dataOf(await app.gql(confirm, { id: own.id }, admin)).confirmParticipation.status).toBe('WAITLISTED');
    const confirmed = stands.filter((p) => p.status === ParticipationStatus.CONFIRMED).slice(0, 3);
    const cancel = `mutation($id: ID!) { cancelParticipation(id: $id) { id status } }`;
    const withdrawals = await Promise.all(confirmed.map((p) => app.gql(cancel, { id: p.id }, admin)));
    expect(withdrawals.filter((r) => r.errors?.length)).toEqual([]);

    const after = await app.em().find(Participation, { internationalDay: day.id, needsStand: true }, { orderBy: { queuePosition: 'asc' } });
    const earliestWaiting = stands
      .filter((p) => p.status === ParticipationStatus.WAITLISTED)
      .slice(0, 3)
      .map((p) => p.id);
    expect(after.filter((p) => p.status === ParticipationStatus.CONFIRMED)).toHaveLength(10);
    expect(after.filter((p) => earliestWaiting.includes(p.id)).map((p) => p.status)).toEqual(Array(3).fill(ParticipationStatus.CONFIRMED));
    expect(after.find((p) => p.id === own.id)!.status).toBe(ParticipationStatus.WAITLISTED);
    const counts = dataOf(
      await app.gql(`{ internationalDay(year: 2031) { standCapacity standsTaken standsLeft countsByStatus { status count } } }`),
    ).internationalDay;
    expect(counts).toMatchObject({ standCapacity: 10, standsTaken: 10, standsLeft: 0 });
    expect(counts.countsByStatus).toEqual([
      { status: 'PENDING', count: 0 },
      { status: 'CONFIRMED', count: 11 },
      { status: 'WAITLISTED', count: 18 },
      { status: 'DECLINED', count: 0 },
      { status: 'CANCELLED', count: 3 },
    ]);
  });
});
