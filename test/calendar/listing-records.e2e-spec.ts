import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { GraphQLObjectType } from 'graphql';
import { DateTime } from 'luxon';
import { Association, AssociationStatus, HousingArea } from '@mangfold/associations';
import { EventOrganiser, OrganiserRole, OrganiserStatus } from '@mangfold/calendar';
import { createAssociation, createEvent, createMember } from '../factories';
import { dataOf, fullSelection, startTestApp, type TestApp } from '../utils';

const PLACE = {
  name: 'Fælleshuset',
  address: 'Mjølnerparken 1',
  postalCode: '2200',
  city: 'København N',
  latitude: 55.7,
  longitude: 12.55,
};

/**
 * The public listing reads plain records instead of entities (no hydration for a page of events
 * and their organisers). Every field of Event, and of the types it links to, must answer exactly
 * as for the entity the single-event query loads, for every kind of viewer: the selection is built
 * from the schema, so a field added later is compared too.
 */
describe('events: listing records answer like entities', () => {
  let app: TestApp;
  let selection: string;
  const ids: string[] = [];
  let memberToken: string;

  beforeAll(async () => {
    app = await startTestApp();
    const em = app.em();
    const primary = await createAssociation(em, { name: 'Mjølnerparkens Kvindeforening', slug: 'mjoelnerparkens-kvindeforening' });
    Object.assign(primary, {
      description: { da: 'Fællesskab for kvinder', en: 'A community for women' },
      housingArea: await em.findOneOrFail(HousingArea, { slug: 'mjoelnerparken' }),
      website: 'https://kvinder.example.dk',
      contactEmail: 'kontakt@kvinder.example.dk',
      contactPhone: '+45 12 34 56 78',
      showContact: true,
      cvr: '12345678',
    });
    const hidden = await createAssociation(em, { name: 'Tingbjerg Ungdomsklub', slug: 'tingbjerg-ungdomsklub' });
    Object.assign(hidden, { contactEmail: 'privat@ungdom.example.dk', showContact: false, cvr: '87654321' });
    const invited = await createAssociation(em, { name: 'Inviteret Forening', slug: 'inviteret-forening' });
    const suspended = await createAssociation(em, { name: 'Suspenderet Forening', slug: 'suspenderet-forening' });
    suspended.status = AssociationStatus.SUSPENDED;

    const at = (month: number, day: number, hour = 17) =>
      DateTime.fromObject({ year: 2027, month, day, hour }, { zone: 'Europe/Copenhagen' }).toJSDate();
    const dinner = await createEvent(em, {
      title: { da: 'Eid-fællesspisning', en: 'Eid community dinner' },
      description: { da: '<p>Mad fra hele verden</p>', en: 'Food from all over the world' },
      startsAt: at(3, 27, 18),
      districtSlug: 'noerrebro',
      occasionSlug: 'eid-al-fitr',
      organiser: primary,
      coOrganisers: [hidden, suspended],
      capacity: 80,
      registrationRequired: true,
    });
    Object.assign(dinner, {
      housingArea: await em.findOneOrFail(HousingArea, { slug: 'mjoelnerparken' }),
      location: PLACE,
      languages: ['da', 'ar'],
      audience: { da: 'Alle', en: 'Everyone' },
      accessibility: { da: 'Trinfri adgang' },
      isFree: false,
      priceInfo: { da: '20 kr.', en: 'DKK 20' },
      seatsTaken: 12,
    });
    // Weekly over the change to summer time, one evening left out.
    const language = await createEvent(em, {
      title: { da: 'Sprogcafé', en: 'Language café' },
      startsAt: at(3, 16, 19),
      endsAt: at(3, 16, 21),
      recurrence: 'FREQ=WEEKLY;COUNT=4',
      districtSlug: 'valby',
      organiser: hidden,
    });
    language.recurrenceExceptions = [at(3, 23, 19).toISOString()];
    const allDay = await createEvent(em, {
      title: { da: 'Nowruz-markedet' },
      startsAt: DateTime.fromISO('2027-03-20', { zone: 'Europe/Copenhagen' }).toJSDate(),
      endsAt: DateTime.fromISO('2027-03-22', { zone: 'Europe/Copenhagen' }).toJSDate(),
      allDay: true,
      occasionSlug: 'nowruz',
      organiser: primary,
    });
    em.create(EventOrganiser, { event: dinner, association: invited, role: OrganiserRole.CO_ORGANIZER, status: OrganiserStatus.INVITED });
    await em.flush();
    ids.push(dinner.id, language.id, allDay.id);
    memberToken = (await createMember(app, await em.findOneOrFail(Association, primary.id))).token;
    selection = fullSelection(app.api.get(GraphQLSchemaHost).schema.getType('Event') as GraphQLObjectType, 2);
  });
  afterAll(() => app.close());

  it.each([
    ['anyone', async () => undefined],
    ['a member of the primary organiser', async () => memberToken],
    ['an admin', async () => app.adminToken()],
  ])('as %s', async (_, token) => {
    const auth = await token();
    const listed = dataOf(await app.gql(`query { events(first: 10) { edges { node { ${selection} } } } }`, {}, auth)).events.edges.map(
      (e: any) => e.node,
    );
    for (const id of ids) {
      const single = dataOf(await app.gql(`query($id: ID!) { event(id: $id) { ${selection} } }`, { id }, auth)).event;
      const nodes = listed.filter((n: any) => n.id === id);
      expect(nodes.length).toBeGreaterThan(0);
      for (const node of nodes) expect(node).toEqual(single);
    }
    // The comparison covers what the records carry: organisers with their links, the location.
    const dinner = listed.find((n: any) => n.id === ids[0]);
    const [first, ...coOrganisers] = dinner.organizers.map((o: any) => o.slug);
    expect(first).toBe('mjoelnerparkens-kvindeforening');
    expect(coOrganisers.sort()).toEqual(['suspenderet-forening', 'tingbjerg-ungdomsklub']);
    expect(dinner.organizers[0]).toMatchObject({ contactEmail: 'kontakt@kvinder.example.dk', housingArea: { slug: 'mjoelnerparken' } });
    expect(dinner.location).toEqual(PLACE);
    expect(dinner.organizers.find((o: any) => o.slug === 'tingbjerg-ungdomsklub').contactEmail).toBe(
      auth === undefined || auth === memberToken ? null : 'privat@ungdom.example.dk',
    );
    expect(dinner.invitedOrganizers.map((o: any) => o.slug)).toEqual(auth ? ['inviteret-forening'] : []);
    expect(listed.filter((n: any) => n.id === ids[1])).toHaveLength(3);
  });
});
