import { yearIn } from '@mangfold/config';
import { Occasion } from '@mangfold/calendar';
import { OutboxMessage } from '@mangfold/jobs';
import { createMember } from '../factories';
import { dataOf, errorOf, startTestApp, type TestApp } from '../utils';
import { adminToken } from './helpers';

const OCCASION_FIELDS = 'id slug tradition da: name(lang: DA) en: name(lang: EN) description(lang: EN) dates { year startsOn endsOn }';

describe('occasions: dates per year that TFI maintains', () => {
  let app: TestApp;
  let admin: string;
  const thisYear = yearIn('Europe/Copenhagen');

  beforeAll(async () => {
    app = await startTestApp();
    admin = await adminToken(app);
  });
  afterAll(() => app.close());

  it('lists the occasions of a year in date order, with their dates, in the language asked for', async () => {
    const res = dataOf(
      await app.gql(`query($y: Int) { occasions(year: $y) { slug name(lang: EN) dates(year: $y) { year startsOn endsOn } } }`, {
        y: thisYear + 1,
      }),
    );
    expect(res.occasions.length).toBeGreaterThan(5);
    const starts = res.occasions.map((o: any) => o.dates[0].startsOn);
    expect(starts).toEqual([...starts].sort());
    for (const o of res.occasions) expect(o.dates).toEqual([expect.objectContaining({ year: thisYear + 1 })]);
    const all = dataOf(await app.gql('{ occasions { slug } }')).occasions.map((o: any) => o.slug);
    expect(all).toEqual([...all].sort());
    expect(all).toContain('diwali');
    expect(dataOf(await app.gql('{ occasions(year: 1999) { slug } }')).occasions).toEqual([]);
  });

  it('lets an admin create an occasion with dates, and nobody else', async () => {
    const input = {
      name: { da: 'Vesak', en: 'Vesak' },
      description: { da: 'Buddhas fødsel, oplysning og død.', en: "The Buddha's birth, enlightenment and passing." },
      tradition: 'buddhist',
      dates: [
        { year: 2027, startsOn: '2027-05-20', endsOn: '2027-05-20' },
        { year: 2028, startsOn: '2028-05-09', endsOn: '2028-05-09' },
      ],
    };
    const member = await createMember(app);
    const denied = await app.gql(
      `mutation($input: CreateOccasionInput!) { createOccasion(input: $input) { id } }`,
      { input },
      member.token,
    );
    expect(errorOf(denied).extensions?.code).toBe('FORBIDDEN');

    const created = dataOf(
      await app.gql(`mutation($input: CreateOccasionInput!) { createOccasion(input: $input) { ${OCCASION_FIELDS} } }`, { input }, admin),
    ).createOccasion;
    expect(created).toMatchObject({
      slug: 'vesak',
      tradition: 'buddhist',
      da: 'Vesak',
      description: "The Buddha's birth, enlightenment and passing.",
      dates: input.dates,
    });
    const bySlug = dataOf(await app.gql(`{ occasion(slug: "vesak") { id dates(year: 2028) { startsOn } } }`)).occasion;
    expect(bySlug).toEqual({ id: created.id, dates: [{ startsOn: '2028-05-09' }] });
  });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    [
      'a year given twice',
      {
        dates: [
          { year: 2027, startsOn: '2027-01-01', endsOn: '2027-01-01' },
          { year: 2027, startsOn: '2027-02-01', endsOn: '2027-02-01' },
        ],
      },
      'dates.1.year',
      /given twice/,
    ],
    [
      'an end before the start',
      { dates: [{ year: 2027, startsOn: '2027-03-10', endsOn: '2027-03-09' }] },
      'dates.0.endsOn',
      /on or after startsOn/,
    ],
    [
      'a start in another year',
      { dates: [{ year: 2027, startsOn: '2028-03-10', endsOn: '2028-03-10' }] },
      'dates.0.startsOn',
      /must be in 2027/,
    ],
    ['an impossible date', { dates: [{ year: 2027, startsOn: '2027-02-29', endsOn: '2027-03-01' }] }, 'dates.0.startsOn', /YYYY-MM-DD/],
    [
      'an occasion lasting months',
      { dates: [{ year: 2027, startsOn: '2027-01-01', endsOn: '2027-06-01' }] },
      'dates.0.endsOn',
      /at most 62 days/,
    ],
    ['a blank name', { name: { da: ' ' } }, 'name', /at least one language/],
    ['a taken slug', { slug: 'diwali' }, 'slug', /taken/],
    [
      'a year out of range',
      { dates: [{ year: 1066, startsOn: '1066-10-14', endsOn: '1066-10-14' }] },
      'dates.0.year',
      /not be less than 1900/,
    ],
  ])('refuses %s, naming the field and writing nothing', async (_, overrides, field, message) => {
    const before = await app.em().count(Occasion, {});
    const input = { name: { en: `Occasion ${field}` }, ...overrides };
    const res = await app.gql(`mutation($input: CreateOccasionInput!) { createOccasion(input: $input) { id } }`, { input }, admin);
    expect(errorOf(res).extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { [field]: expect.stringMatching(message) } });
    expect(await app.em().count(Occasion, {})).toBe(before);
  });

  it('updates names and dates per year, tells the feeds when the name changes, and keeps an audit trail', async () => {
    const created = dataOf(
      await app.gql(
        `mutation { createOccasion(input: { name: { da: "Songkran", en: "Songkran" }, tradition: "buddhist", dates: [{ year: 2027, startsOn: "2027-04-13", endsOn: "2027-04-15" }, { year: 2028, startsOn: "2028-04-13", endsOn: "2028-04-15" }] }) { id } }`,
        {},
        admin,
      ),
    ).createOccasion;
    const jobs = async () =>
      (await app.em().find(OutboxMessage, { name: 'occasion-changed' })).filter(
        (m) => (m.payload as { occasionId: string }).occasionId === created.id,
      );

    const datesOnly = dataOf(
      await app.gql(
        `mutation($id: ID!) { updateOccasion(id: $id, input: { dates: [{ year: 2027, startsOn: "2027-04-13", endsOn: "2027-04-16" }, { year: 2029, startsOn: "2029-04-13", endsOn: "2029-04-15" }], removeYears: [2028] }) { dates { year startsOn endsOn } } }`,
        { id: created.id },
        admin,
      ),
    ).updateOccasion;
    expect(datesOnly.dates).toEqual([
      { year: 2027, startsOn: '2027-04-13', endsOn: '2027-04-16' },
      { year: 2029, startsOn: '2029-04-13', endsOn: '2029-04-15' },
    ]);
    expect(await jobs()).toHaveLength(0);

    const renamed = dataOf(
      await app.gql(
        `mutation($id: ID!) { updateOccasion(id: $id, input: { name: { da: "Songkran – thailandsk nytår", en: "Songkran, the Thai New Year" } }) { da: name(lang: DA) slug } }`,
        { id: created.id },
        admin,
      ),
    ).updateOccasion;
    expect(renamed).toEqual({ da: 'Songkran – thailandsk nytår', slug: 'songkran' });
    expect(await jobs()).toHaveLength(1);

    const trail = dataOf(
      await app.gql(
        `query($id: ID!) { occasionAuditTrail(id: $id) { edges { node { action changes { field } } } } }`,
        { id: created.id },
        admin,
      ),
    ).occasionAuditTrail.edges.map((e: any) => [e.node.action, e.node.changes.map((c: any) => c.field)]);
    expect(trail).toEqual([
      ['occasion.updated', ['name']],
      ['occasion.updated', ['dates']],
      ['occasion.created', ['dates', 'description', 'name', 'slug', 'tradition']],
    ]);

    const conflict = await app.gql(
      `mutation($id: ID!) { updateOccasion(id: $id, input: { dates: [{ year: 2029, startsOn: "2029-04-14", endsOn: "2029-04-14" }], removeYears: [2029] }) { id } }`,
      { id: created.id },
      admin,
    );
    expect(errorOf(conflict).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { 'dates.0.year': expect.stringMatching(/removeYears/) },
    });
    const missing = await app.gql(
      `mutation { updateOccasion(id: "00000000-0000-4000-8000-000000000000", input: { tradition: "x" }) { id } }`,
      {},
      admin,
    );
    expect(errorOf(missing).extensions?.code).toBe('NOT_FOUND');
  });
});
