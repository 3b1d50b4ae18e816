import { createMember } from '../factories';
import { dataOf, errorOf, startTestApp, type TestApp } from '../utils';
import { adminToken, eventInput, transition } from './helpers';

const TIME_FIELDS = 'id startsAt endsAt startsAtLocal endsAtLocal allDay timeZone recurrence recurrenceExceptions lastEndsAt';

/** Daylight saving starts in Copenhagen on Sunday 28 March 2027 at 02:00 (clocks jump to 03:00). */
describe('times come back as the organiser meant them, across daylight-saving changes', () => {
  let app: TestApp;
  let member: Awaited<ReturnType<typeof createMember>>;
  let admin: string;

  beforeAll(async () => {
    app = await startTestApp();
    member = await createMember(app);
    admin = await adminToken(app);
  });
  afterAll(() => app.close());

  const create = async (overrides: Record<string, unknown>) => {
    const res = await app.gql(
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { ${TIME_FIELDS} } }`,
      { input: eventInput(member.association, overrides) },
      member.token,
    );
    return dataOf(res).createEvent;
  };

  const publish = async (id: string) => {
    await transition(app, member.token, 'submitEvent', id);
    await transition(app, admin, 'publishEvent', id);
  };

  const listed = async (filter: Record<string, unknown>, first = 20) =>
    dataOf(
      await app.gql(
        `query($filter: EventFilter, $first: Int) { events(filter: $filter, first: $first) { edges { node { id } occurrence { startsAt startsAtLocal endsAtLocal } } } }`,
        { filter, first },
      ),
    ).events.edges;

  describe('an event at 02:30 on the day daylight saving starts', () => {
    it('is refused as local time, because 02:30 does not exist that night', async () => {
      const res = await app.gql(
        `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
        { input: eventInput(member.association, { startsAt: '2027-03-28T02:30', endsAt: '2027-03-28T04:00' }) },
        member.token,
      );
      expect(errorOf(res).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { startsAt: expect.stringContaining('does not exist in Europe/Copenhagen') },
      });
    });

    it('given as an instant (02:30 winter time), comes back at 03:30 summer time, the same moment', async () => {
      const event = await create({ startsAt: '2027-03-28T02:30:00+01:00', endsAt: '2027-03-28T05:00:00+02:00' });
      expect(event).toMatchObject({
        startsAt: '2027-03-28T01:30:00.000Z',
        endsAt: '2027-03-28T03:00:00.000Z',
        startsAtLocal: '2027-03-28T03:30:00+02:00',
        endsAtLocal: '2027-03-28T05:00:00+02:00',
        timeZone: 'Europe/Copenhagen',
      });
    });

    it('an event running across the jump lasts the real time between its local start and end', async () => {
      const event = await create({ startsAt: '2027-03-28T01:30', endsAt: '2027-03-28T04:00' });
      expect(event).toMatchObject({ startsAtLocal: '2027-03-28T01:30:00+01:00', endsAtLocal: '2027-03-28T04:00:00+02:00' });
      expect(Date.parse(event.endsAt) - Date.parse(event.startsAt)).toBe(1.5 * 3600_000);
    });

    it('02:30 on the night summer time ends happens twice; the first is meant', async () => {
      const event = await create({ startsAt: '2027-10-31T02:30', endsAt: '2027-10-31T04:00' });
      expect(event).toMatchObject({
        startsAt: '2027-10-31T00:30:00.000Z',
        startsAtLocal: '2027-10-31T02:30:00+02:00',
        endsAtLocal: '2027-10-31T04:00:00+01:00',
      });
    });
  });

  it('an all-day event on the day daylight saving starts spans that local day (23 hours)', async () => {
    const event = await create({ title: { da: 'Påskemarked' }, allDay: true, startsAt: '2027-03-28', endsAt: undefined, recurrence: null });
    expect(event).toMatchObject({
      allDay: true,
      startsAt: '2027-03-27T23:00:00.000Z',
      endsAt: '2027-03-28T22:00:00.000Z',
      startsAtLocal: '2027-03-28T00:00:00+01:00',
      endsAtLocal: '2027-03-29T00:00:00+02:00',
      lastEndsAt: '2027-03-28T22:00:00.000Z',
    });
    await publish(event.id);
    // Found by a window on that local day, not by the day before or after.
    const day = (from: string, to: string) => listed({ from, to, search: 'Påskemarked' });
    expect(await day('2027-03-27T23:00:00Z', '2027-03-28T22:00:00Z')).toHaveLength(1);
    expect(await day('2027-03-26T23:00:00Z', '2027-03-27T23:00:00Z')).toHaveLength(0);
    expect(await day('2027-03-28T22:00:00Z', '2027-03-29T22:00:00Z')).toHaveLength(0);

    // A three-day festival: endsAt is the day after the last day.
    const festival = await create({ title: { da: 'Mela' }, allDay: true, startsAt: '2027-07-02', endsAt: '2027-07-05' });
    expect(festival).toMatchObject({ startsAtLocal: '2027-07-02T00:00:00+02:00', endsAtLocal: '2027-07-05T00:00:00+02:00' });
  });

  it('a weekly event at 18:00 stays at 18:00 local time across the change, in the event, its occurrences and the listing', async () => {
    const event = await create({
      title: { da: 'Ugentlig dansk-arabisk sprogcafé' },
      startsAt: '2027-03-16T18:00',
      endsAt: '2027-03-16T20:00',
      recurrence: 'RRULE:FREQ=WEEKLY;COUNT=4',
    });
    expect(event).toMatchObject({
      recurrence: 'FREQ=WEEKLY;COUNT=4',
      startsAtLocal: '2027-03-16T18:00:00+01:00',
      lastEndsAt: '2027-04-06T18:00:00.000Z',
    });
    const occurrences = dataOf(
      await app.gql(
        `query($id: ID!) { event(id: $id) { occurrences(first: 10) { startsAt startsAtLocal endsAtLocal } } }`,
        { id: event.id },
        member.token,
      ),
    ).event.occurrences;
    expect(occurrences).toEqual([
      { startsAt: '2027-03-16T17:00:00.000Z', startsAtLocal: '2027-03-16T18:00:00+01:00', endsAtLocal: '2027-03-16T20:00:00+01:00' },
      { startsAt: '2027-03-23T17:00:00.000Z', startsAtLocal: '2027-03-23T18:00:00+01:00', endsAtLocal: '2027-03-23T20:00:00+01:00' },
      { startsAt: '2027-03-30T16:00:00.000Z', startsAtLocal: '2027-03-30T18:00:00+02:00', endsAtLocal: '2027-03-30T20:00:00+02:00' },
      { startsAt: '2027-04-06T16:00:00.000Z', startsAtLocal: '2027-04-06T18:00:00+02:00', endsAtLocal: '2027-04-06T20:00:00+02:00' },
    ]);
    await publish(event.id);

    // The listing expands occurrences overlapping the window, each on its own edge.
    const window = await listed({ from: '2027-03-20T00:00:00Z', to: '2027-04-03T00:00:00Z', search: 'sprogcafé' });
    expect(window.map((e: any) => e.occurrence.startsAtLocal)).toEqual(['2027-03-23T18:00:00+01:00', '2027-03-30T18:00:00+02:00']);
    expect(window.every((e: any) => e.node.id === event.id)).toBe(true);
    const once = await listed({ from: '2027-03-20T00:00:00Z', search: 'sprogcafé', expandRecurring: false });
    expect(once.map((e: any) => e.occurrence.startsAtLocal)).toEqual(['2027-03-23T18:00:00+01:00']);

    // Cancelling one occurrence (EXDATE) takes it out of the listing and sets lastEndsAt when it was the last one.
    const withException = dataOf(
      await app.gql(
        `mutation($id: ID!) { updateEvent(id: $id, input: { recurrenceExceptions: ["2027-03-30T18:00", "2027-04-06T16:00:00Z"] }) { recurrenceExceptions lastEndsAt sequence } }`,
        { id: event.id },
        member.token,
      ),
    ).updateEvent;
    expect(withException).toEqual({
      recurrenceExceptions: ['2027-03-30T16:00:00.000Z', '2027-04-06T16:00:00.000Z'],
      lastEndsAt: '2027-03-23T19:00:00.000Z',
      sequence: 2,
    });
    expect((await listed({ search: 'sprogcafé' })).map((e: any) => e.occurrence.startsAtLocal)).toEqual([
      '2027-03-16T18:00:00+01:00',
      '2027-03-23T18:00:00+01:00',
    ]);

    // Moving the series to 19:00 keeps its exceptions on the same dates.
    const moved = dataOf(
      await app.gql(
        `mutation($id: ID!) { updateEvent(id: $id, input: { startsAt: "2027-03-16T19:00" }) { startsAtLocal endsAtLocal recurrenceExceptions lastEndsAt } }`,
        { id: event.id },
        member.token,
      ),
    ).updateEvent;
    expect(moved).toEqual({
      startsAtLocal: '2027-03-16T19:00:00+01:00',
      endsAtLocal: '2027-03-16T21:00:00+01:00',
      recurrenceExceptions: ['2027-03-30T17:00:00.000Z', '2027-04-06T17:00:00.000Z'],
      lastEndsAt: '2027-03-23T20:00:00.000Z',
    });
  });

  it('an open-ended series has no lastEndsAt and is listed occurrence by occurrence, page after page', async () => {
    const event = await create({
      title: { da: 'Lektiecafé hver måned' },
      startsAt: '2027-01-02T10:00',
      endsAt: '2027-01-02T12:00',
      recurrence: 'FREQ=MONTHLY;BYDAY=1SA',
    });
    expect(event.lastEndsAt).toBeNull();
    await publish(event.id);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 4; page++) {
      const res: any = dataOf(
        await app.gql(
          `query($after: String) { events(first: 2, after: $after, filter: { search: "Lektiecafé", from: "2027-03-01T00:00:00Z" }) { edges { occurrence { startsAtLocal } } pageInfo { hasNextPage endCursor } } }`,
          { after },
        ),
      ).events;
      seen.push(...res.edges.map((e: any) => e.occurrence.startsAtLocal));
      expect(res.pageInfo.hasNextPage).toBe(true);
      after = res.pageInfo.endCursor;
    }
    expect(seen).toEqual([
      '2027-03-06T10:00:00+01:00',
      '2027-04-03T10:00:00+02:00',
      '2027-05-01T10:00:00+02:00',
      '2027-06-05T10:00:00+02:00',
      '2027-07-03T10:00:00+02:00',
      '2027-08-07T10:00:00+02:00',
      '2027-09-04T10:00:00+02:00',
      '2027-10-02T10:00:00+02:00',
    ]);
  });

  it('changing only the time zone keeps the local times the organiser typed', async () => {
    const event = await create({ title: { en: 'Embassy reception' }, startsAt: '2027-06-10T18:00', endsAt: '2027-06-10T21:00' });
    const updated = dataOf(
      await app.gql(
        `mutation($id: ID!) { updateEvent(id: $id, input: { timeZone: "Europe/London" }) { ${TIME_FIELDS} } }`,
        { id: event.id },
        member.token,
      ),
    ).updateEvent;
    expect(updated).toMatchObject({
      timeZone: 'Europe/London',
      startsAt: '2027-06-10T17:00:00.000Z',
      startsAtLocal: '2027-06-10T18:00:00+01:00',
      endsAtLocal: '2027-06-10T21:00:00+01:00',
    });
  });
});
