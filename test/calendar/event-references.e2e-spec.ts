import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { GraphQLInputObjectType } from 'graphql';
import { createAssociation, createMember } from '../factories';
import { dataOf, errorOf, startTestApp, type TestApp } from '../utils';
import { adminToken, createEventVia, eventInput, transition } from './helpers';

/** Districts, housing areas and occasions of events: by id or slug, defaults, and edits one field at a time. */
describe('the references of an event', () => {
  let app: TestApp;
  let admin: string;
  let member: Awaited<ReturnType<typeof createMember>>;
  const ref: Record<string, { id: string; slug: string; district?: { id: string; slug: string } }> = {};

  beforeAll(async () => {
    app = await startTestApp();
    admin = await adminToken(app);
    member = await createMember(
      app,
      await createAssociation(app.em(), { name: 'Valby Kulturbro', slug: 'valby-kulturbro', districtSlug: 'valby' }),
    );
    const data = dataOf(await app.gql('{ districts { id slug } housingAreas { id slug district { id slug } } occasions { id slug } }'));
    const byDistrict = (slug: string) => data.housingAreas.find((a: { district: { slug: string } }) => a.district.slug === slug);
    ref.valby = data.districts.find((d: { slug: string }) => d.slug === 'valby');
    ref.otherDistrict = data.districts.find((d: { slug: string }) => d.slug === 'indre-by');
    ref.area = data.housingAreas.find((a: { slug: string }) => a.slug === 'akacieparken');
    ref.otherArea = byDistrict('bispebjerg');
    ref.occasion = data.occasions.find((o: { slug: string }) => o.slug === 'nowruz');
    ref.otherOccasion = data.occasions.find((o: { slug: string }) => o.slug === 'sankt-hans');
  });
  afterAll(() => app.close());

  const SELECTION = 'id sequence title description district { slug } housingArea { slug } occasion { slug }';

  async function update(token: string, id: string, input: Record<string, unknown>) {
    return app.gql(
      `mutation($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { ${SELECTION} } }`,
      { id, input },
      token,
    );
  }

  it('edits an event with every optional relation set one field at a time, as a member and as an admin', async () => {
    const full = eventInput(member.association, {
      housingAreaId: ref.area.id,
      occasionId: ref.occasion.id,
      capacity: 40,
      registrationRequired: true,
      registrationOpensAt: '2027-02-01T10:00:00Z',
      registrationClosesAt: '2027-03-19T10:00:00Z',
      audience: { da: 'Alle', en: 'Everyone' },
      accessibility: { da: 'Trinfri adgang' },
      isFree: false,
      price: { da: '20 kr.' },
    });
    // Every field of UpdateEventInput gets a value here, so a field added later must be added too.
    const samples: Record<string, unknown> = {
      kind: 'SEMINAR',
      title: { da: 'Ny titel', en: 'New title' },
      description: { da: 'Ny tekst' },
      startsAt: '2027-03-20T16:00',
      endsAt: '2027-03-20T19:00',
      allDay: false,
      timeZone: 'Europe/Copenhagen',
      recurrence: null,
      recurrenceExceptions: [],
      location: { name: 'Kulturhuset', city: 'København' },
      districtId: ref.valby.id,
      districtSlug: 'valby',
      housingAreaId: ref.area.id,
      housingAreaSlug: 'akacieparken',
      occasionId: ref.otherOccasion.id,
      occasionSlug: 'nowruz',
      capacity: 60,
      registrationRequired: true,
      registrationOpensAt: '2027-02-02T10:00:00Z',
      registrationClosesAt: '2027-03-18T10:00:00Z',
      languages: ['da', 'en'],
      audience: { da: 'Familier' },
      accessibility: { da: 'Tegnsprogstolk' },
      isFree: true,
      price: null,
    };
    const inputType = app.api.get(GraphQLSchemaHost).schema.getType('UpdateEventInput') as GraphQLInputObjectType;
    expect(Object.keys(samples).sort()).toEqual(Object.keys(inputType.getFields()).sort());

    for (const token of [member.token, admin]) {
      const event = await createEventVia(app, member.token, full);
      expect(event).toMatchObject({ district: { slug: 'valby' }, housingArea: { slug: 'akacieparken' }, occasion: { slug: 'nowruz' } });
      for (const [field, value] of Object.entries(samples)) {
        const res = await update(token, event.id, { [field]: value });
        expect({ field, errors: res.errors }).toEqual({ field, errors: undefined });
        expect(dataOf(res).updateEvent).toMatchObject({ id: event.id, district: { slug: 'valby' }, housingArea: { slug: 'akacieparken' } });
      }
    }
  });

  it('keeps the district consistent with the housing area when only one of them changes', async () => {
    const event = await createEventVia(app, member.token, eventInput(member.association, { housingAreaId: ref.area.id }));
    const moved = await update(member.token, event.id, { districtId: ref.otherDistrict.id });
    expect(errorOf(moved).extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { districtId: expect.any(String) } });
    const movedBySlug = await update(member.token, event.id, { districtSlug: ref.otherDistrict.slug });
    expect(errorOf(movedBySlug).extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { districtSlug: expect.any(String) } });
    const newArea = dataOf(await update(member.token, event.id, { housingAreaSlug: ref.otherArea.slug })).updateEvent;
    expect(newArea).toMatchObject({ district: { slug: ref.otherArea.district!.slug }, housingArea: { slug: ref.otherArea.slug } });
    const cleared = dataOf(await update(member.token, event.id, { housingAreaSlug: null, districtSlug: 'valby' })).updateEvent;
    expect(cleared).toMatchObject({ district: { slug: 'valby' }, housingArea: null });
  });

  it('takes district, housing area and occasion by slug, exactly one of id and slug, and names an unknown slug', async () => {
    const bySlug = await createEventVia(
      app,
      member.token,
      eventInput(member.association, { housingAreaSlug: 'akacieparken', occasionSlug: 'nowruz', title: { da: 'Ved slug' } }),
    );
    expect(bySlug).toMatchObject({ district: { slug: 'valby' }, housingArea: { slug: 'akacieparken' }, occasion: { slug: 'nowruz' } });

    const create = (input: Record<string, unknown>) =>
      app.gql(
        'mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }',
        { input: eventInput(member.association, input) },
        member.token,
      );
    for (const [field, value] of [
      ['districtSlug', 'atlantis'],
      ['housingAreaSlug', 'atlantis'],
      ['occasionSlug', 'atlantis'],
    ]) {
      const error = errorOf(await create({ [field]: value }));
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { [field]: expect.stringContaining('is not') } });
    }
    const former = errorOf(await create({ districtSlug: 'norrebro' }));
    expect(former.extensions?.fields).toEqual({ districtSlug: 'districtSlug "norrebro" is now "noerrebro"' });
    const both = errorOf(await create({ districtId: ref.valby.id, districtSlug: 'valby' }));
    expect(both.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { districtSlug: expect.stringContaining('not both') } });
    const malformed = errorOf(await create({ occasionSlug: 'Nowruz!' }));
    expect(malformed.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { occasionSlug: expect.any(String) } });
  });

  it("puts an event created without a district in its housing area's district, else in its association's", async () => {
    const fromArea = await createEventVia(
      app,
      member.token,
      eventInput(member.association, { housingAreaId: ref.otherArea.id, title: { da: 'Fra område' } }),
    );
    expect(fromArea.district).toEqual({ slug: ref.otherArea.district!.slug });

    const fromAssociation = await createEventVia(app, member.token, eventInput(member.association, { title: { da: 'Fra foreningen' } }));
    expect(fromAssociation.district).toEqual({ slug: 'valby' });
    await transition(app, member.token, 'submitEvent', fromAssociation.id);
    await transition(app, admin, 'publishEvent', fromAssociation.id);
    const listed = dataOf(await app.gql('{ events(filter: { districtSlug: "valby" }) { edges { node { id } } } }')).events.edges;
    expect(listed.map((e: { node: { id: string } }) => e.node.id)).toContain(fromAssociation.id);

    const explicitNone = await createEventVia(
      app,
      member.token,
      eventInput(member.association, { districtId: null, title: { da: 'Uden bydel' } }),
    );
    expect(explicitNone.district).toBeNull();

    const homeless = await createMember(app, await createAssociation(app.em(), { name: 'Uden Bydel Forening' }));
    const none = await createEventVia(app, homeless.token, eventInput(homeless.association, { title: { da: 'Ingen bydel' } }));
    expect(none.district).toBeNull();
  });
});
