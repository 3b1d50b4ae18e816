import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { createMember } from '../factories';
import { dataOf, graphql, startTestApp, type TestApp } from '../utils';
import { adminToken, eventInput, publishedEvent } from './helpers';

const OCCASION_OF_EVENT = 'query($slug: String!) { event(slug: $slug) { occasion { slug name(lang: EN) } } }';

/** Polls `read` until it answers `expected` (a change announced on Redis reaches another process within moments). */
async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 3_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (JSON.stringify(last) !== JSON.stringify(expected) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    last = await read();
  }
  return last;
}

/**
 * The reference data (districts, housing areas, occasions, themes) is read once per process and
 * kept in memory: a change through the api shows at once in the process that made it, and in every
 * other process of the same deployment as soon as the change is announced.
 */
describe('the cached reference data stays fresh', () => {
  let app: TestApp;
  let other: NestExpressApplication;
  let otherUrl: string;
  let admin: string;
  let slug: string;
  let occasionId: string;

  beforeAll(async () => {
    app = await startTestApp();
    // A second api process of the same deployment: same database, same Redis prefix.
    other = await createApiApp(app.config);
    await other.listen(0, '127.0.0.1');
    otherUrl = `http://127.0.0.1:${(other.getHttpServer().address() as AddressInfo).port}`;
    admin = await adminToken(app);
    const member = await createMember(app);
    const event = await publishedEvent(app, member.token, admin, eventInput(member.association, { occasionSlug: 'nowruz' }));
    slug = event.slug;
    occasionId = dataOf(await app.gql('{ occasion(slug: "nowruz") { id } }')).occasion.id;
  });
  afterAll(async () => {
    await other.close();
    await app.close();
  });

  const occasionOn = async (url: string) => dataOf(await graphql(url, OCCASION_OF_EVENT, { slug })).event.occasion;
  const listing = async (url: string) => (await fetch(`${url}/en/events`)).text();

  it('shows a renamed occasion at once, in the api that renamed it and in another', async () => {
    // Both processes have read (and keep) the reference data.
    expect(await occasionOn(app.url)).toEqual({ slug: 'nowruz', name: 'Nowruz' });
    expect(await occasionOn(otherUrl)).toEqual({ slug: 'nowruz', name: 'Nowruz' });
    expect(await listing(otherUrl)).not.toContain('Persian New Year (renamed)');

    const renamed = await app.gql(
      'mutation($id: ID!, $input: UpdateOccasionInput!) { updateOccasion(id: $id, input: $input) { name(lang: EN) } }',
      { id: occasionId, input: { name: { da: 'Nowruz', en: 'Persian New Year (renamed)' } } },
      admin,
    );
    expect(dataOf(renamed).updateOccasion.name).toBe('Persian New Year (renamed)');

    // The process that made the change: immediately, no waiting.
    expect(await occasionOn(app.url)).toEqual({ slug: 'nowruz', name: 'Persian New Year (renamed)' });
    expect(await listing(app.url)).toContain('Persian New Year (renamed)');
    // Another process: as soon as the announcement arrives.
    expect(await eventually(() => occasionOn(otherUrl), { slug: 'nowruz', name: 'Persian New Year (renamed)' })).toEqual({
      slug: 'nowruz',
      name: 'Persian New Year (renamed)',
    });
    expect(await eventually(async () => (await listing(otherUrl)).includes('Persian New Year (renamed)'), true)).toBe(true);
  });

  it('offers a new occasion at once, and a new theme', async () => {
    const created = await app.gql(
      'mutation($input: CreateOccasionInput!) { createOccasion(input: $input) { slug } }',
      { input: { name: { da: 'Vesak', en: 'Vesak' }, tradition: 'buddhist' } },
      admin,
    );
    expect(dataOf(created).createOccasion.slug).toBe('vesak');
    expect(await listing(app.url)).toContain('value="vesak"');
    expect(await eventually(async () => (await listing(otherUrl)).includes('value="vesak"'), true)).toBe(true);
    const filtered = await fetch(`${otherUrl}/en/events?occasion=vesak`);
    expect(filtered.status).toBe(200);

    const theme = await app.gql(
      'mutation($input: CreateThemeInput!) { createTheme(input: $input) { slug } }',
      { input: { slug: 'bench-fresh-theme', name: { da: 'Frisk', en: 'Fresh' } } },
      admin,
    );
    expect(dataOf(theme).createTheme.slug).toBe('bench-fresh-theme');
    const themes = async (url: string) => dataOf(await graphql(url, '{ themes { slug } }')).themes.map((t: { slug: string }) => t.slug);
    expect(await themes(app.url)).toContain('bench-fresh-theme');
    expect(await themes(otherUrl)).toContain('bench-fresh-theme');
  });
});
