import { randomUUID } from 'node:crypto';
import { AssociationKind, AssociationStatus } from '@mangfold/associations';
import { EventKind, EventStatus } from '@mangfold/calendar';
import { InternationalDay, Participation, ParticipationActivity, ParticipationStatus } from '@mangfold/registrations';
import { createAssociation, createEvent, createInternationalDay, createMember, createParticipation } from '../factories';
import { dataOf, errorOf, startTestApp, type TestApp } from '../utils';
import { adminToken, notifications } from './helpers';

const REGISTER = `mutation($year: Int!, $input: ParticipationInput!) {
  registerForInternationalDay(year: $year, input: $input) {
    id year status participantName participantKind associationId activities needsStand representatives tables needsPower
    performanceMinutes foodHygieneConfirmed contactName contactEmail waitlistPosition
  }
}`;
const CONFIRM = `mutation($id: ID!) { confirmParticipation(id: $id) { id status waitlistPosition decidedAt } }`;
const DECLINE = `mutation($id: ID!, $reason: String!) { declineParticipation(id: $id, reason: $reason) { id status statusReason } }`;
const CANCEL = `mutation($id: ID!) { cancelParticipation(id: $id) { id status } }`;
const DAY = `query($year: Int!) {
  internationalDay(year: $year) {
    year eventId standCapacity standsTaken standsLeft registrationOpen registrationOpensAt registrationClosesAt
    da: practicalInfo(lang: DA) en: practicalInfo(lang: EN)
    countsByStatus { status count } countsByKind { kind confirmed registered }
  }
}`;

const stand = (data: Record<string, unknown> = {}) => ({
  activities: ['STAND'],
  representatives: 3,
  tables: 2,
  needsPower: true,
  contactName: 'Priya Sharma',
  contactEmail: 'Priya@Example.org',
  ...data,
});

describe('International Day', () => {
  let app: TestApp;
  let admin: string;
  beforeAll(async () => {
    app = await startTestApp();
    admin = await adminToken(app);
  });
  afterAll(() => app.close());

  describe('set-up by TFI', () => {
    const CREATE = `mutation($input: CreateInternationalDayInput!) {
      createInternationalDay(input: $input) { id year eventId standCapacity registrationOpen practicalInfo(lang: EN) }
    }`;
    const startsAt = new Date('2032-09-04T09:00:00Z');

    it('ties a year’s day to its INTERNATIONAL_DAY event, with stands, a window and practical information', async () => {
      const event = await createEvent(app.em(), { kind: EventKind.INTERNATIONAL_DAY, startsAt, endsAt: new Date('2032-09-04T15:00:00Z') });
      const input = {
        year: 2032,
        eventId: event.id,
        standCapacity: 25,
        registrationOpensAt: new Date(Date.now() - 3600_000).toISOString(),
        registrationClosesAt: '2032-08-20T22:00:00Z',
        practicalInfo: { da: 'Opstilling fra kl. 9.', en: 'Set-up from 9 am.' },
      };
      const day = dataOf(await app.gql(CREATE, { input }, admin)).createInternationalDay;
      expect(day).toMatchObject({
        year: 2032,
        eventId: event.id,
        standCapacity: 25,
        registrationOpen: true,
        practicalInfo: 'Set-up from 9 am.',
      });
      expect(errorOf(await app.gql(CREATE, { input }, admin)).extensions?.code).toBe('CONFLICT');

      const update = `mutation($input: UpdateInternationalDayInput!) { updateInternationalDay(year: 2032, input: $input) { standCapacity practicalInfo(lang: DA) } }`;
      const updated = dataOf(
        await app.gql(update, { input: { standCapacity: 30, practicalInfo: { da: 'Opstilling fra kl. 8.' } } }, admin),
      );
      expect(updated.updateInternationalDay).toEqual({ standCapacity: 30, practicalInfo: 'Opstilling fra kl. 8.' });
      expect(errorOf(await app.gql(update, { input: { registrationClosesAt: '2032-09-05T00:00:00Z' } }, admin)).extensions?.fields).toEqual(
        {
          registrationClosesAt: expect.stringMatching(/start of the event/),
        },
      );
    });

    it('refuses a wrong event, year or window naming the field, and non-admins', async () => {
      const cultural = await createEvent(app.em(), { startsAt });
      const iday = await createEvent(app.em(), { kind: EventKind.INTERNATIONAL_DAY, startsAt });
      const base = {
        year: 2032,
        standCapacity: 10,
        registrationOpensAt: '2032-06-01T00:00:00Z',
        registrationClosesAt: '2032-08-01T00:00:00Z',
      };
      const cases: [Record<string, unknown>, string][] = [
        [{ ...base, eventId: cultural.id }, 'eventId'],
        [{ ...base, eventId: randomUUID() }, 'eventId'],
        [{ ...base, eventId: iday.id, year: 2033 }, 'year'],
        [{ ...base, eventId: iday.id, registrationClosesAt: '2032-05-01T00:00:00Z' }, 'registrationClosesAt'],
        [{ ...base, eventId: iday.id, standCapacity: -1 }, 'standCapacity'],
      ];
      for (const [input, field] of cases) {
        const error = errorOf(await app.gql(CREATE, { input }, admin));
        expect(error.extensions?.code).toBe('BAD_USER_INPUT');
        expect(Object.keys(error.extensions?.fields ?? {})).toEqual([field]);
      }
      const member = await createMember(app);
      expect(errorOf(await app.gql(CREATE, { input: { ...base, eventId: iday.id } }, member.token)).extensions?.code).toBe('FORBIDDEN');
      expect(errorOf(await app.gql(CREATE, { input: { ...base, eventId: iday.id } })).extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('registering', () => {
    it('lets a member register its approved association, PENDING, and tells the contact person', async () => {
      await createInternationalDay(app.em(), { year: 2040, standCapacity: 5 });
      const { association, token } = await createMember(app);
      const p = dataOf(
        await app.gql(
          REGISTER,
          { year: 2040, input: stand({ associationId: association.id, activities: ['STAND', 'FOOD'], foodHygieneConfirmed: true }) },
          token,
        ),
      ).registerForInternationalDay;
      expect(p).toMatchObject({
        year: 2040,
        status: 'PENDING',
        participantName: association.name,
        participantKind: 'ASSOCIATION',
        associationId: association.id,
        activities: ['STAND', 'FOOD'],
        needsStand: true,
        representatives: 3,
        tables: 2,
        needsPower: true,
        contactEmail: 'priya@example.org',
        waitlistPosition: null,
      });
      expect(await notifications(app.em(), [p.id])).toEqual([`participation-received:${p.id}`]);
      // Once per association while the first is live.
      const again = errorOf(await app.gql(REGISTER, { year: 2040, input: stand({ associationId: association.id }) }, token));
      expect(again.extensions?.code).toBe('CONFLICT');
    });

    it('lets TFI register an embassy without an account, and only TFI', async () => {
      await createInternationalDay(app.em(), { year: 2041 });
      const input = stand({
        organisationName: 'Embassy of Ghana',
        participantKind: 'EMBASSY',
        activities: ['PERFORMANCE'],
        performanceMinutes: 20,
        tables: 0,
        needsPower: false,
      });
      const p = dataOf(await app.gql(REGISTER, { year: 2041, input }, admin)).registerForInternationalDay;
      expect(p).toMatchObject({ participantName: 'Embassy of Ghana', participantKind: 'EMBASSY', associationId: null, needsStand: false });
      expect(
        errorOf(await app.gql(REGISTER, { year: 2041, input: { ...input, organisationName: 'EMBASSY OF GHANA' } }, admin)).extensions?.code,
      ).toBe('CONFLICT');
      const member = await createMember(app);
      expect(
        errorOf(await app.gql(REGISTER, { year: 2041, input: { ...input, organisationName: 'Other' } }, member.token)).extensions?.code,
      ).toBe('FORBIDDEN');
    });

    it('refuses members of other associations and associations TFI has not approved', async () => {
      await createInternationalDay(app.em(), { year: 2042 });
      const other = await createMember(app);
      const stranger = await createAssociation(app.em());
      expect(
        errorOf(await app.gql(REGISTER, { year: 2042, input: stand({ associationId: stranger.id }) }, other.token)).extensions?.code,
      ).toBe('FORBIDDEN');
      const pending = await createMember(app, await createAssociation(app.em(), { status: AssociationStatus.PENDING }));
      const error = errorOf(
        await app.gql(REGISTER, { year: 2042, input: stand({ associationId: pending.association.id }) }, pending.token),
      );
      expect(error).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringMatching(/approves/) });
      expect(errorOf(await app.gql(REGISTER, { year: 2042, input: stand({ associationId: other.association.id }) })).extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
    });

    it('validates the activities and the window, naming the field and writing nothing', async () => {
      const day = await createInternationalDay(app.em(), { year: 2043 });
      const { association, token } = await createMember(app);
      const cases: [Record<string, unknown>, string][] = [
        [{ activities: [] }, 'activities'],
        [{ activities: ['FOOD'] }, 'foodHygieneConfirmed'],
        [{ activities: ['PERFORMANCE'], tables: 0, needsPower: false }, 'performanceMinutes'],
        [{ activities: ['STAND'], performanceMinutes: 10 }, 'performanceMinutes'],
        [{ activities: ['WORKSHOP'], tables: 2 }, 'tables'],
        [{ representatives: 0 }, 'representatives'],
        [{ contactEmail: 'nope' }, 'contactEmail'],
        [{ activities: ['STAND', 'STAND'] }, 'activities'],
      ];
      for (const [change, field] of cases) {
        const error = errorOf(await app.gql(REGISTER, { year: 2043, input: stand({ associationId: association.id, ...change }) }, token));
        expect(error.extensions?.code).toBe('BAD_USER_INPUT');
        expect(Object.keys(error.extensions?.fields ?? {})).toEqual([field]);
      }
      await app.em().nativeUpdate(InternationalDay, { id: day.id }, { registrationClosesAt: new Date(Date.now() - 1000) });
      const closed = errorOf(await app.gql(REGISTER, { year: 2043, input: stand({ associationId: association.id }) }, token));
      expect(closed.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { year: expect.stringMatching(/closed/) } });
      await app
        .em()
        .nativeUpdate(
          InternationalDay,
          { id: day.id },
          { registrationOpensAt: new Date(Date.now() + 3600_000), registrationClosesAt: new Date(Date.now() + 7200_000) },
        );
      const early = errorOf(await app.gql(REGISTER, { year: 2043, input: stand({ associationId: association.id }) }, token));
      expect(early.extensions?.fields).toEqual({ year: expect.stringMatching(/opens/) });
      expect(await app.em().count(Participation, { internationalDay: day.id })).toBe(0);
      expect(
        errorOf(await app.gql(REGISTER, { year: 1999, input: stand({ associationId: association.id }) }, token)).extensions?.code,
      ).toBe('NOT_FOUND');
    });

    it('refuses registration for a cancelled International Day', async () => {
      const day = await createInternationalDay(app.em(), { year: 2044 });
      await app.em().execute(`update event set status = ? where id = ?`, [EventStatus.CANCELLED, day.event.id]);
      const { association, token } = await createMember(app);
      const error = errorOf(await app.gql(REGISTER, { year: 2044, input: stand({ associationId: association.id }) }, token));
      expect(error.extensions?.fields).toEqual({ year: expect.stringMatching(/cancelled/) });
    });
  });

  describe('decisions and the stand waiting list', () => {
    it('confirms up to the stands, waitlists the rest, and gives a freed stand to the earliest application', async () => {
      const day = await createInternationalDay(app.em(), { year: 2045, standCapacity: 2 });
      const em = app.em();
      const [a, b, c, d] = [
        await createParticipation(em, day),
        await createParticipation(em, day),
        await createParticipation(em, day),
        await createParticipation(em, day),
      ];
      // Confirmed out of application order: d and b first.
      for (const p of [d, b, c, a]) dataOf(await app.gql(CONFIRM, { id: p.id }, admin));
      const status = async (p: Participation) => (await app.em().findOneOrFail(Participation, p.id)).status;
      expect([await status(a), await status(b), await status(c), await status(d)]).toEqual([
        'WAITLISTED',
        'CONFIRMED',
        'WAITLISTED',
        'CONFIRMED',
      ]);

      // Confirming a waitlisted one again changes nothing while the stands are taken.
      expect(dataOf(await app.gql(CONFIRM, { id: c.id }, admin)).confirmParticipation).toMatchObject({
        status: 'WAITLISTED',
        waitlistPosition: 2,
      });

      const declined = dataOf(
        await app.gql(DECLINE, { id: d.id, reason: 'Standen passer ikke til dagens program' }, admin),
      ).declineParticipation;
      expect(declined).toEqual({ id: d.id, status: 'DECLINED', statusReason: 'Standen passer ikke til dagens program' });
      // a applied before c, so a gets the stand.
      expect([await status(a), await status(c)]).toEqual(['CONFIRMED', 'WAITLISTED']);
      expect(await notifications(app.em(), [a.id, d.id])).toEqual([
        `participation-confirmed:${d.id}`,
        `participation-waitlisted:${a.id}`,
        `participation-declined:${d.id}`,
        `participation-confirmed:${a.id}`,
      ]);

      // More stands promote the waiting list; fewer unconfirm nobody.
      const update = `mutation($cap: Int!) { updateInternationalDay(year: 2045, input: { standCapacity: $cap }) { standsTaken standsLeft } }`;
      expect(dataOf(await app.gql(update, { cap: 3 }, admin)).updateInternationalDay).toEqual({ standsTaken: 3, standsLeft: 0 });
      expect(await status(c)).toBe('CONFIRMED');
      expect(dataOf(await app.gql(update, { cap: 1 }, admin)).updateInternationalDay).toEqual({ standsTaken: 3, standsLeft: 0 });
      expect([await status(a), await status(b), await status(c)]).toEqual(['CONFIRMED', 'CONFIRMED', 'CONFIRMED']);

      expect(errorOf(await app.gql(CONFIRM, { id: d.id }, admin)).extensions?.fields).toEqual({ id: expect.stringMatching(/declined/) });
      expect(errorOf(await app.gql(DECLINE, { id: a.id, reason: ' ' }, admin)).extensions?.fields).toEqual({ reason: expect.any(String) });
      expect(errorOf(await app.gql(CONFIRM, { id: randomUUID() }, admin)).extensions?.code).toBe('NOT_FOUND');
    });

    it('lets the participant’s members withdraw, and nobody else', async () => {
      const day = await createInternationalDay(app.em(), { year: 2046, standCapacity: 1 });
      const { association, token } = await createMember(app);
      const mine = await createParticipation(app.em(), day, { association });
      const next = await createParticipation(app.em(), day);
      dataOf(await app.gql(CONFIRM, { id: mine.id }, admin));
      dataOf(await app.gql(CONFIRM, { id: next.id }, admin));

      const stranger = await createMember(app);
      expect(errorOf(await app.gql(CANCEL, { id: mine.id }, stranger.token)).extensions?.code).toBe('FORBIDDEN');
      expect(errorOf(await app.gql(CONFIRM, { id: mine.id }, token)).extensions?.code).toBe('FORBIDDEN');
      // Admin-registered organisations have no members: only TFI can withdraw them.
      expect(errorOf(await app.gql(CANCEL, { id: next.id }, token)).extensions?.code).toBe('FORBIDDEN');

      expect(dataOf(await app.gql(CANCEL, { id: mine.id }, token)).cancelParticipation.status).toBe('CANCELLED');
      expect((await app.em().findOneOrFail(Participation, next.id)).status).toBe(ParticipationStatus.CONFIRMED);
      // Once withdrawn, the association may register again.
      const again = dataOf(await app.gql(REGISTER, { year: 2046, input: stand({ associationId: association.id }) }, token));
      expect(again.registerForInternationalDay.status).toBe('PENDING');
    });

    it('shows members their own participations, TFI all of them', async () => {
      const day = await createInternationalDay(app.em(), { year: 2047 });
      const { association, token } = await createMember(app);
      const mine = await createParticipation(app.em(), day, { association });
      await createParticipation(app.em(), day);
      const list = `{ participations(year: 2047) { totalCount edges { node { id participantName contactEmail } } } }`;
      expect(dataOf(await app.gql(list, {}, token)).participations.edges.map((e: any) => e.node.id)).toEqual([mine.id]);
      expect(dataOf(await app.gql(list, {}, admin)).participations.totalCount).toBe(2);
      expect(dataOf(await app.gql(`query($id: ID!) { participation(id: $id) { id } }`, { id: mine.id }, token)).participation.id).toBe(
        mine.id,
      );
      const other = await createMember(app);
      expect(
        errorOf(await app.gql(`query($id: ID!) { participation(id: $id) { id } }`, { id: mine.id }, other.token)).extensions?.code,
      ).toBe('FORBIDDEN');
    });
  });

  it('shows the public the day with counts by status and by kind, and no one’s details', async () => {
    const day = await createInternationalDay(app.em(), { year: 2048, standCapacity: 3 });
    await app.em().nativeUpdate(InternationalDay, { id: day.id }, { practicalInfo: { da: 'Strøm ved alle stande.' } });
    const em = app.em();
    const embassy = await createParticipation(em, day, { kind: AssociationKind.EMBASSY, status: ParticipationStatus.CONFIRMED });
    await createParticipation(em, day, { kind: AssociationKind.ASSOCIATION, status: ParticipationStatus.CONFIRMED });
    await createParticipation(em, day, { kind: AssociationKind.ASSOCIATION, status: ParticipationStatus.PENDING });
    await createParticipation(em, day, { kind: AssociationKind.VOLUNTARY_ORGANISATION, status: ParticipationStatus.DECLINED });
    await createParticipation(em, day, {
      kind: AssociationKind.EMBASSY,
      status: ParticipationStatus.CONFIRMED,
      activities: [ParticipationActivity.WORKSHOP],
    });

    const res = await app.gql(DAY, { year: 2048 });
    const d = dataOf(res).internationalDay;
    expect(d).toMatchObject({ year: 2048, eventId: day.event.id, standCapacity: 3, standsTaken: 2, standsLeft: 1, registrationOpen: true });
    expect(d.da).toBe('Strøm ved alle stande.');
    expect(d.en).toBe('Strøm ved alle stande.');
    expect(d.countsByStatus).toEqual([
      { status: 'PENDING', count: 1 },
      { status: 'CONFIRMED', count: 3 },
      { status: 'WAITLISTED', count: 0 },
      { status: 'DECLINED', count: 1 },
      { status: 'CANCELLED', count: 0 },
    ]);
    const byKind = Object.fromEntries(d.countsByKind.map((k: any) => [k.kind, [k.confirmed, k.registered]]));
    expect(byKind).toEqual({
      ASSOCIATION: [1, 2],
      PROJECT: [0, 0],
      VOLUNTARY_ORGANISATION: [0, 0],
      EMBASSY: [2, 2],
      MUNICIPAL_UNIT: [0, 0],
      HOUSING_ORGANISATION: [0, 0],
      OTHER: [0, 0],
    });
    expect(JSON.stringify(res)).not.toContain(embassy.contactEmail!);
    expect(dataOf(await app.gql(DAY, { year: 1990 })).internationalDay).toBeNull();
  });
});
