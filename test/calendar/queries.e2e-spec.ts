import { DateTime } from 'luxon';
import { Association, HousingArea } from '@mangfold/associations';
import { Event, EventKind, EventOrganiser, EventStatus, OrganiserRole, OrganiserStatus } from '@mangfold/calendar';
import { createAssociation, createEvent, createMember } from '../factories';
import { dataOf, errorOf, startTestApp, type TestApp } from '../utils';

/** The public listing: what is public, every filter, and a stable order to page through. */
describe('events(filter, first, after)', () => {
  let app: TestApp;
  const ids: Record<string, string> = {};
  const at = (day: number, hour = 17) => DateTime.fromObject({ year: 2027, month: 5, day, hour }, { zone: 'Europe/Copenhagen' }).toJSDate();

  beforeAll(async () => {
    app = await startTestApp();
    const em = app.em();
    const kulturbro = await createAssociation(em, { name: 'Valby Kulturbro', slug: 'valby-kulturbro' });
    const ungdom = await createAssociation(em, { name: 'Tingbjerg Ungdomsklub', slug: 'tingbjerg-ungdomsklub' });
    const invitee = await createAssociation(em, { name: 'Inviteret Forening', slug: 'inviteret-forening' });

    const eid = await createEvent(em, {
      title: { da: 'Eid-fællesspisning i Mjølnerparken', en: 'Eid community dinner' },
      description: { da: 'Mad fra hele verden', en: 'Food from all over the world' },
      startsAt: at(3),
      districtSlug: 'noerrebro',
      occasionSlug: 'eid-al-fitr',
      organiser: kulturbro,
      coOrganisers: [ungdom],
      capacity: 50,
    });
    eid.housingArea = await em.findOneOrFail(HousingArea, { slug: 'mjoelnerparken' });
    eid.languages = ['da', 'ar'];
    eid.seatsTaken = 10;
    const seminar = await createEvent(em, {
      kind: EventKind.SEMINAR,
      title: { da: 'Seminar: projektledelse for frivillige', en: 'Seminar: project management' },
      startsAt: at(5),
      districtSlug: 'indre-by',
      organiser: ungdom,
      capacity: 30,
    });
    seminar.seatsTaken = 30;
    seminar.waitlistLength = 4;
    seminar.languages = ['da'];
    const diwali = await createEvent(em, {
      title: { da: 'Diwali-lysfest', en: 'Diwali festival of lights' },
      description: { da: 'Lys, dans og indisk mad', en: 'Lights, dance and Indian food' },
      startsAt: at(5),
      districtSlug: 'valby',
      occasionSlug: 'diwali',
      organiser: kulturbro,
    });
    diwali.languages = ['en', 'hi'];
    const cancelled = await createEvent(em, {
      title: { da: 'Aflyst koncert' },
      startsAt: at(7),
      status: EventStatus.CANCELLED,
      organiser: ungdom,
    });
    const draft = await createEvent(em, {
      title: { da: 'Kladde om Eid' },
      startsAt: at(4),
      status: EventStatus.DRAFT,
      organiser: kulturbro,
    });
    const submitted = await createEvent(em, {
      title: { da: 'Indsendt om Eid' },
      startsAt: at(4),
      status: EventStatus.SUBMITTED,
      organiser: kulturbro,
    });
    const rejected = await createEvent(em, {
      title: { da: 'Afvist om Eid' },
      startsAt: at(4),
      status: EventStatus.REJECTED,
      organiser: kulturbro,
    });
    // Invited but not accepted: not an organiser yet.
    em.create(EventOrganiser, { event: diwali, association: invitee, role: OrganiserRole.CO_ORGANIZER, status: OrganiserStatus.INVITED });
    await em.flush();
    Object.assign(ids, {
      eid: eid.id,
      seminar: seminar.id,
      diwali: diwali.id,
      cancelled: cancelled.id,
      draft: draft.id,
      submitted: submitted.id,
      rejected: rejected.id,
    });
  });
  afterAll(() => app.close());

  const find = async (filter: Record<string, unknown>, first = 50): Promise<string[]> => {
    const res = await app.gql(
      `query($filter: EventFilter, $first: Int) { events(filter: $filter, first: $first) { edges { node { id } } } }`,
      { filter, first },
    );
    const names = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
    return dataOf(res).events.edges.map((e: any) => names[e.node.id] ?? e.node.id);
  };

  it('lists published and cancelled events only, in start order then id', async () => {
    const all = await find({});
    const sameStart = [ids.seminar, ids.diwali].sort().map((id) => (id === ids.seminar ? 'seminar' : 'diwali'));
    expect(all).toEqual(['eid', ...sameStart, 'cancelled']);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['districtSlug', { districtSlug: 'noerrebro' }, ['eid']],
    ['housingAreaSlug', { housingAreaSlug: 'mjoelnerparken' }, ['eid']],
    ['occasionSlug', { occasionSlug: 'diwali' }, ['diwali']],
    ['associationSlug (primary)', { associationSlug: 'valby-kulturbro' }, ['eid', 'diwali']],
    ['associationSlug (accepted co-organiser)', { associationSlug: 'tingbjerg-ungdomsklub' }, ['eid', 'seminar', 'cancelled']],
    ['associationSlug (only invited)', { associationSlug: 'inviteret-forening' }, []],
    ['kind', { kind: 'SEMINAR' }, ['seminar']],
    ['language', { language: 'ar' }, ['eid']],
    ['language in several events', { language: 'da' }, ['eid', 'seminar']],
    ['search in a Danish title, part of a word, any case', { search: 'FÆLLESSPIS' }, ['eid']],
    ['search in an English description', { search: 'indian food' }, ['diwali']],
    ['search with words that must all appear', { search: 'diwali eid' }, []],
    ['search with LIKE wildcards taken literally', { search: '%' }, []],
    ['hasFreeSeats: true (seats left or unlimited)', { hasFreeSeats: true }, ['eid', 'diwali', 'cancelled']],
    ['hasFreeSeats: false (full)', { hasFreeSeats: false }, ['seminar']],
    // Seminar and Diwali start at 17:00 and last 2 hours, so both still go on at 18:00.
    ['from (still going on or later)', { from: at(5, 18).toISOString() }, ['seminar', 'diwali', 'cancelled']],
    ['to (starting before)', { to: at(5, 17).toISOString() }, ['eid']],
    ['several filters together', { associationSlug: 'valby-kulturbro', language: 'hi', search: 'lys' }, ['diwali']],
  ])('filters on %s', async (_, filter, expected) => {
    expect((await find(filter)).sort()).toEqual([...expected].sort());
  });

  it('refuses an unknown district rather than listing nothing', async () => {
    const res = await app.gql('query($filter: EventFilter) { events(filter: $filter) { edges { cursor } } }', {
      filter: { districtSlug: 'atlantis' },
    });
    expect(errorOf(res).extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { districtSlug: expect.any(String) } });
  });

  it('writes every localized field in the language asked for: the argument, else Accept-Language, else Danish', async () => {
    const query = `query($id: ID!) {
      event(id: $id) {
        title description da: title(lang: DA) en: description(lang: EN)
        occasion { name } district { name en: name(lang: EN) } housingArea { name district { name } }
      }
    }`;
    const ask = async (headers: Record<string, string>) => {
      const res = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables: { id: ids.eid } }),
      });
      // Answers depend on who asks and may hold personal data: nothing in between may keep them.
      expect(res.headers.get('cache-control')).toBe('no-store');
      return dataOf((await res.json()) as { data: any }).event;
    };
    expect(await ask({})).toMatchObject({
      title: 'Eid-fællesspisning i Mjølnerparken',
      description: 'Mad fra hele verden',
      da: 'Eid-fællesspisning i Mjølnerparken',
      en: 'Food from all over the world',
      occasion: { name: expect.stringMatching(/^Eid/) },
      district: { name: 'Nørrebro', en: 'Nørrebro' },
      housingArea: { name: 'Mjølnerparken', district: { name: 'Nørrebro' } },
    });
    const english = await ask({ 'accept-language': 'en-GB,en;q=0.9,da;q=0.5' });
    expect(english).toMatchObject({
      title: 'Eid community dinner',
      description: 'Food from all over the world',
      da: 'Eid-fællesspisning i Mjølnerparken',
    });

    // A field missing in the language asked for falls back to the other one.
    const cancelled = await app.gql(`query($id: ID!) { event(id: $id) { title(lang: EN) } }`, { id: ids.cancelled });
    expect(dataOf(cancelled).event.title).toBe('Aflyst koncert');
    expect(errorOf(await app.gql(`query($id: ID!) { event(id: $id) { title(lang: FR) } }`, { id: ids.eid })).extensions?.code).toBe(
      'GRAPHQL_VALIDATION_FAILED',
    );
  });

  it('pages through everything exactly once with stable cursors', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: any = dataOf(
        await app.gql(
          `query($after: String) { events(first: 1, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`,
          {
            after,
          },
        ),
      ).events;
      seen.push(...res.edges.map((e: any) => e.node.id));
      expect(res.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!res.pageInfo.hasNextPage) break;
      after = res.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(4);
    expect(seen).toEqual((await find({})).map((k) => ids[k]));
  });

  it('shows drafts, submitted and rejected events to their organisers through myEvents, with a count', async () => {
    const member = await createMember(app, await app.em().findOneOrFail(Association, { slug: 'valby-kulturbro' }));
    const res = dataOf(
      await app.gql(
        `{ myEvents(first: 2) { totalCount edges { node { id status } } pageInfo { hasNextPage } }
           drafts: myEvents(statuses: [DRAFT, REJECTED]) { edges { node { id } } } }`,
        {},
        member.token,
      ),
    );
    expect(res.myEvents.totalCount).toBe(5);
    expect(res.myEvents.edges).toHaveLength(2);
    expect(res.myEvents.pageInfo.hasNextPage).toBe(true);
    expect(res.drafts.edges.map((e: any) => e.node.id).sort()).toEqual([ids.draft, ids.rejected].sort());
    expect(errorOf(await app.gql('{ myEvents { totalCount } }')).extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('gives seat counts without personal data', async () => {
    const res = dataOf(
      await app.gql(`{ events(filter: { kind: SEMINAR }) { edges { node { capacity seatsLeft waitlistLength registrationRequired } } } }`),
    );
    expect(res.events.edges[0].node).toEqual({ capacity: 30, seatsLeft: 0, waitlistLength: 4, registrationRequired: false });
    const eid = await app.em().findOneOrFail(Event, ids.eid);
    expect(eid.seatsTaken).toBe(10);
  });
});
