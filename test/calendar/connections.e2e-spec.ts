import { GraphQLSchemaHost } from '@nestjs/graphql';
import { getNamedType } from 'graphql';
import { DateTime } from 'luxon';
import { AssociationStatus, District, HousingArea } from '@mangfold/associations';
import { slugify } from '@mangfold/db';
import { MailDelivery, MailDeliveryStatus } from '@mangfold/notifications';
import {
  createAssociation,
  createEvent,
  createInternationalDay,
  createMember,
  createParticipation,
  createRegistration,
} from '../factories';
import { dataOf, errorOf, startTestApp, type TestApp } from '../utils';
import { adminToken, createEventVia, eventInput, transition } from './helpers';
import { recordAssignment } from '../workplan/helpers';
import { AssociationKind } from '@mangfold/associations';

/** Every Relay connection of the schema counts what matches; list filters refuse slugs that name nothing. */
describe('connections: totalCount and slug filters', () => {
  let app: TestApp;
  let admin: string;
  let member: Awaited<ReturnType<typeof createMember>>;
  let eventId: string;
  let occasionId: string;
  let year: number;
  let seminarId: string;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await adminToken(app);
    const em = app.em();
    member = await createMember(
      app,
      await createAssociation(em, { name: 'Valby Kulturbro', slug: 'valby-kulturbro', districtSlug: 'valby' }),
    );
    await createAssociation(em, { name: 'Anden Forening', slug: 'anden-forening', status: AssociationStatus.APPROVED });

    // Published events: two single ones and a weekly series with three occurrences; one in the past.
    const at = (month: number, day: number) =>
      DateTime.fromObject({ year: 2027, month, day, hour: 17 }, { zone: 'Europe/Copenhagen' }).toJSDate();
    await createEvent(em, { title: { da: 'Første' }, startsAt: at(5, 3), districtSlug: 'valby', organiser: member.association });
    await createEvent(em, { title: { da: 'Anden' }, startsAt: at(5, 10), districtSlug: 'noerrebro', organiser: member.association });
    await createEvent(em, { title: { da: 'Serie' }, startsAt: at(5, 4), recurrence: 'FREQ=WEEKLY;COUNT=3', organiser: member.association });
    await createEvent(em, { title: { da: 'Gammel' }, startsAt: at(1, 4), districtSlug: 'valby', organiser: member.association });

    // Drafts and submissions of the member's association: the moderation queue and myEvents.
    const first = await createEventVia(
      app,
      member.token,
      eventInput(member.association, { startsAt: '2027-06-01T15:00', endsAt: '2027-06-01T18:00' }),
    );
    const second = await createEventVia(
      app,
      member.token,
      eventInput(member.association, { startsAt: '2027-06-02T15:00', endsAt: '2027-06-02T18:00' }),
    );
    await transition(app, member.token, 'submitEvent', first.id);
    await transition(app, member.token, 'submitEvent', second.id);
    await createEventVia(app, member.token, eventInput(member.association, { title: { da: 'Kladde' } }));
    eventId = first.id;

    const occasions = dataOf(await app.gql('{ occasions { id slug } }')).occasions;
    occasionId = occasions.find((o: { slug: string }) => o.slug === 'diwali').id;
    for (const da of ['Diwali', 'Lysfest']) {
      const res = await app.gql(
        'mutation($id: ID!, $input: UpdateOccasionInput!) { updateOccasion(id: $id, input: $input) { id } }',
        { id: occasionId, input: { name: { da } } },
        admin,
      );
      dataOf(res);
    }

    const seminar = await createEvent(em, {
      title: { da: 'Seminar' },
      capacity: 20,
      registrationRequired: true,
      organiser: member.association,
    });
    const registrations = [
      await createRegistration(em, seminar),
      await createRegistration(em, seminar),
      await createRegistration(em, seminar),
    ];
    for (const [i, registration] of registrations.entries()) {
      em.create(MailDelivery, {
        key: `test-${i}`,
        kind: 'confirmation',
        status: MailDeliveryStatus.SENT,
        registration,
        event: seminar,
        messageId: `<test-${i}@mangfold.test>`,
      });
    }
    await em.flush();
    seminarId = seminar.id;

    const day = await createInternationalDay(em);
    year = day.year;
    await createParticipation(em, day, { association: member.association });
    await createParticipation(em, day);
    await createParticipation(em, day);

    // Two of each of the work plan's lists (admins see them all, published or not).
    const project = await createAssociation(em, { name: 'Lektiecaféen', kind: AssociationKind.PROJECT });
    for (const n of [1, 2]) {
      await recordAssignment(app, admin, `c${n}`);
      for (const [mutation, input] of [
        ['mutation($input: SpeakerInput!) { createSpeaker(input: $input) { id } }', { name: `Taler ${n}`, topics: ['netværk'] }],
        ['mutation($input: MaterialInput!) { createMaterial(input: $input) { id } }', { title: { da: `Materiale ${n}` } }],
        [
          'mutation($input: AdviceItemInput!) { createAdviceItem(input: $input) { id } }',
          { kind: 'ADVICE', title: { da: `Råd ${n}` }, body: { da: 'Tekst' } },
        ],
        [
          'mutation($input: ProjectVisitInput!) { recordProjectVisit(input: $input) { id } }',
          { projectId: project.id, visitedOn: `${year}-0${n}-15` },
        ],
      ] as const) {
        dataOf(await app.gql(mutation, { input }, admin));
      }
    }
  });
  afterAll(() => app.close());

  /** Each connection field of Query with arguments that list at least two items, and who may ask. */
  const cases = (): Record<string, { args: string; token: () => string | undefined; min: number }> => {
    return {
      associations: { args: '', token: () => undefined, min: 2 },
      events: { args: 'filter: { from: "2027-01-01T00:00:00Z" }', token: () => undefined, min: 5 },
      myEvents: { args: '', token: () => member.token, min: 3 },
      moderationQueue: { args: 'includePast: true', token: () => admin, min: 2 },
      eventAuditTrail: { args: `id: "${eventId}"`, token: () => admin, min: 2 },
      occasionAuditTrail: { args: `id: "${occasionId}"`, token: () => admin, min: 2 },
      eventRegistrations: { args: `eventId: "${seminarId}"`, token: () => admin, min: 3 },
      mailDeliveries: { args: `filter: { eventId: "${seminarId}" }`, token: () => admin, min: 3 },
      participations: { args: `year: ${year}`, token: () => admin, min: 3 },
      assignments: { args: '', token: () => admin, min: 2 },
      speakers: { args: '', token: () => admin, min: 2 },
      materials: { args: '', token: () => admin, min: 2 },
      adviceItems: { args: '', token: () => admin, min: 2 },
      projectVisits: { args: '', token: () => admin, min: 2 },
    };
  };

  it('covers every connection of the schema', () => {
    const query = app.api.get(GraphQLSchemaHost).schema.getQueryType()!;
    const connections = Object.values(query.getFields())
      .filter((f) => getNamedType(f.type).name.endsWith('Connection'))
      .map((f) => f.name);
    expect(Object.keys(cases()).sort()).toEqual(connections.sort());
  });

  it('gives totalCount on every connection: all that match, whatever the page size and cursor', async () => {
    for (const [field, { args, token, min }] of Object.entries(cases())) {
      const list = async (page: string) => {
        const all = [args, page].filter(Boolean).join(', ');
        const res = await app.gql(`{ ${field}(${all}) { totalCount edges { cursor } pageInfo { hasNextPage endCursor } } }`, {}, token());
        expect({ field, errors: res.errors }).toEqual({ field, errors: undefined });
        return dataOf(res)[field];
      };
      const everything = await list('first: 50');
      expect({ field, edges: everything.edges.length >= min }).toEqual({ field, edges: true });
      const firstPage = await list('first: 1');
      const nextPage = await list(`first: 1, after: "${firstPage.pageInfo.endCursor}"`);
      // The public listing counts events (a series once); the others count their items.
      const expected = field === 'events' ? everything.edges.length - 2 : everything.edges.length;
      expect({ field, counts: [everything.totalCount, firstPage.totalCount, nextPage.totalCount] }).toEqual({
        field,
        counts: [expected, expected, expected],
      });
    }
  });

  it('counts the events of the public listing that match its filter and window, a series once if it occurs there', async () => {
    const count = async (filter: string) => dataOf(await app.gql(`{ events(filter: { ${filter} }) { totalCount } }`)).events.totalCount;
    expect(await count('districtSlug: "valby"')).toBe(2);
    expect(await count('districtSlug: "valby", from: "2027-02-01T00:00:00Z"')).toBe(1);
    expect(await count('from: "2027-05-05T00:00:00Z", to: "2027-05-08T00:00:00Z"')).toBe(0);
    expect(await count('from: "2027-05-05T00:00:00Z", to: "2027-05-12T00:00:00Z"')).toBe(2);
    expect(await count('search: "Serie", expandRecurring: false')).toBe(1);
  });

  it('refuses a slug filter that names nothing, naming the field, on events and associations', async () => {
    const events = async (filter: string) => app.gql(`{ events(filter: { ${filter} }) { edges { cursor } } }`);
    for (const field of ['districtSlug', 'housingAreaSlug', 'occasionSlug', 'associationSlug', 'themeSlug']) {
      const error = errorOf(await events(`${field}: "nørrebro"`));
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { [field]: expect.stringContaining('is not') } });
    }
    // A pending association has no public calendar, as its feed has none.
    const pending = await createAssociation(app.em(), { name: 'Ventende', slug: 'ventende', status: AssociationStatus.PENDING });
    expect(errorOf(await events(`associationSlug: "${pending.slug}"`)).extensions?.fields).toEqual({
      associationSlug: 'associationSlug is not an approved association',
    });
    const several = errorOf(await events('districtSlug: "atlantis", occasionSlug: "diwali", housingAreaSlug: "atlantis"'));
    expect(Object.keys(several.extensions?.fields as object).sort()).toEqual(['districtSlug', 'housingAreaSlug']);
    expect(
      dataOf(await events('districtSlug: "noerrebro", occasionSlug: "diwali", associationSlug: "valby-kulturbro"')).events,
    ).toBeDefined();

    const associations = async (filter: string) => app.gql(`{ associations(filter: { ${filter} }) { totalCount } }`);
    for (const field of ['districtSlug', 'housingAreaSlug']) {
      const error = errorOf(await associations(`${field}: "atlantis"`));
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { [field]: expect.stringContaining('is not') } });
    }
  });

  it('names the new slug when a filter uses a district or housing area slug from before the Danish transliteration', async () => {
    const error = errorOf(await app.gql('{ events(filter: { districtSlug: "norrebro" }) { totalCount } }'));
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { districtSlug: 'districtSlug "norrebro" is now "noerrebro"' },
    });
    const area = errorOf(await app.gql('{ associations(filter: { housingAreaSlug: "mjolnerparken" }) { totalCount } }'));
    expect(area.extensions?.fields).toEqual({ housingAreaSlug: 'housingAreaSlug "mjolnerparken" is now "mjoelnerparken"' });
  });

  it('names districts and housing areas as slugify does (æ → ae, ø → oe, å → aa)', async () => {
    const em = app.em();
    for (const d of await em.find(District, {})) expect(d.slug).toBe(slugify(d.name.da!));
    for (const a of await em.find(HousingArea, {})) expect(a.slug).toBe(slugify(a.name.da!));
    expect((await em.find(District, {})).map((d) => d.slug)).toContain('noerrebro');
  });
});
