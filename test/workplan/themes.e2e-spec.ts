import { EventKind } from '@mangfold/calendar';
import { createEvent, createMember } from '../factories';
import { getFeed, publishNow } from '../feeds/feed-helpers';
import { dataOf, errorOf, startTestApp, type TestApp } from '../utils';

const SET = `mutation($id: ID!, $slugs: [String!]!) { setEventThemes(eventId: $id, themeSlugs: $slugs) { id sequence themes { slug name(lang: EN) } } }`;
const LIST = `query($slug: String) { events(filter: { themeSlug: $slug }) { edges { node { id themes { slug } } } } }`;

describe('themes on events', () => {
  let app: TestApp;
  let admin: string;

  beforeAll(async () => {
    app = await startTestApp({ worker: true });
    admin = await app.adminToken();
  });
  afterAll(() => app.close());

  it('lists the seeded themes publicly and lets admins add and rename one (slug kept)', async () => {
    const themes = dataOf(await app.gql('{ themes { slug name(lang: DA) } }')).themes;
    expect(themes.map((t: { slug: string }) => t.slug)).toEqual([
      'employment-outreach',
      'crime-prevention',
      'project-management',
      'voluntary-work',
      'diversity-at-work',
    ]);
    const create = `mutation($input: CreateThemeInput!) { createTheme(input: $input) { id slug name(lang: EN) } }`;
    const created = dataOf(await app.gql(create, { input: { slug: 'health', name: { da: 'Sundhed', en: 'Health' } } }, admin)).createTheme;
    expect(created).toMatchObject({ slug: 'health', name: 'Health' });
    expect(errorOf(await app.gql(create, { input: { slug: 'health', name: { da: 'Igen' } } }, admin)).extensions?.code).toBe('CONFLICT');
    expect(errorOf(await app.gql(create, { input: { slug: 'Bad Slug', name: { da: 'x' } } }, admin)).extensions?.fields).toHaveProperty(
      'slug',
    );
    expect(errorOf(await app.gql(create, { input: { slug: 'empty', name: { da: ' ' } } }, admin)).extensions?.fields).toHaveProperty(
      'name',
    );
    const member = await createMember(app);
    expect(errorOf(await app.gql(create, { input: { slug: 'x-y', name: { da: 'x' } } }, member.token)).extensions?.code).toBe('FORBIDDEN');
    const renamed = dataOf(
      await app.gql(
        `mutation($id: ID!) { updateTheme(id: $id, input: { name: { da: "Sundhed og trivsel" } }) { slug name(lang: DA) } }`,
        { id: created.id },
        admin,
      ),
    ).updateTheme;
    expect(renamed).toEqual({ slug: 'health', name: 'Sundhed og trivsel' });
  });

  it('lets organisers set an event’s themes, filters events by them and shows them in the feeds as CATEGORIES', async () => {
    const member = await createMember(app);
    const other = await createMember(app);
    const seminar = await createEvent(app.em(), { kind: EventKind.SEMINAR, organiser: member.association, districtSlug: 'valby' });
    const plain = await createEvent(app.em(), { organiser: member.association });

    const set = dataOf(
      await app.gql(SET, { id: seminar.id, slugs: ['crime-prevention', 'project-management', 'crime-prevention'] }, member.token),
    ).setEventThemes;
    expect(set.themes).toEqual([
      { slug: 'crime-prevention', name: 'Crime prevention' },
      { slug: 'project-management', name: 'Project management' },
    ]);
    expect(set.sequence).toBe(seminar.sequence + 1);
    expect(errorOf(await app.gql(SET, { id: seminar.id, slugs: ['voluntary-work'] }, other.token)).extensions?.code).toBe('FORBIDDEN');
    expect(errorOf(await app.gql(SET, { id: seminar.id, slugs: ['voluntary-work'] })).extensions?.code).toBe('UNAUTHENTICATED');
    expect(errorOf(await app.gql(SET, { id: seminar.id, slugs: ['no-such-theme'] }, admin)).extensions?.fields).toHaveProperty(
      'themeSlugs',
    );

    const byTheme = dataOf(await app.gql(LIST, { slug: 'crime-prevention' })).events.edges.map((e: any) => e.node);
    expect(byTheme).toEqual([{ id: seminar.id, themes: [{ slug: 'crime-prevention' }, { slug: 'project-management' }] }]);
    expect(dataOf(await app.gql(LIST, { slug: 'voluntary-work' })).events.edges).toEqual([]);
    const all = dataOf(await app.gql(LIST, {})).events.edges.map((e: any) => e.node.id);
    expect(all).toEqual(expect.arrayContaining([seminar.id, plain.id]));

    await publishNow(app, seminar.id);
    const feed = await getFeed(app, `/calendar/events/${seminar.slug}.ics?lang=en`);
    expect(feed.calendar!.events[0].categories).toEqual(['Seminar', 'Valby', 'Crime prevention', 'Project management']);
    const all2 = await getFeed(app, '/calendar.ics');
    const mine = all2.calendar!.events.find((e) => e.summary === seminar.title.da)!;
    expect(mine.categories).toEqual(expect.arrayContaining(['Kriminalitetsforebyggelse', 'Projektledelse']));

    // Clearing the themes takes them out of the feed again.
    dataOf(await app.gql(SET, { id: seminar.id, slugs: [] }, admin));
    await publishNow(app, seminar.id);
    expect((await getFeed(app, `/calendar/events/${seminar.slug}.ics?lang=en`)).calendar!.events[0].categories).toEqual([
      'Seminar',
      'Valby',
    ]);
  });
});
