import { startTestApp, type TestApp } from '../utils';

describe('the api boots against real PostgreSQL and Redis', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('answers /health with 200 when the database and Redis answer', async () => {
    const res = await fetch(`${app.url}/health`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: 'ok', checks: { database: 'up', redis: 'up' } });
  });

  it('serves Prometheus metrics', async () => {
    const res = await fetch(`${app.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/process_cpu_user_seconds_total\{app="api"\}/);
    expect(text).toMatch(/http_request_duration_seconds_bucket/);
    expect(text).toMatch(/^mangfold_outbox_pending\{app="api"\} \d+$/m);
    expect(text).toMatch(/^mangfold_queue_jobs\{queue="mail",state="waiting",app="api"\} \d+$/m);
  });

  it('serves the GraphQL IDE to a browser from its own bundle, with no CDN', async () => {
    const res = await fetch(`${app.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<base href="/graphql-ide/">');
    expect(html).not.toMatch(/https?:\/\/(cdn|unpkg|jsdelivr)/);
    const scripts = [...html.matchAll(/src="([^"]+\.js)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      expect(script).not.toMatch(/^https?:/);
      const asset = await fetch(`${app.url}/graphql-ide/${script}`);
      expect(asset.status).toBe(200);
    }
  });

  it('answers GraphQL over GET for queries, and POST', async () => {
    const get = await fetch(`${app.url}/graphql?query=${encodeURIComponent('{ districts { slug } }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(200);
    expect((await get.json()).data.districts).toHaveLength(10);
    const post = await app.gql('{ housingAreas { slug name district { slug } } }');
    expect(post.data?.housingAreas.map((a: { slug: string }) => a.slug).sort()).toEqual([
      'akacieparken',
      'aldersrogade',
      'haraldsgade',
      'lundtoftegade',
      'mimersgade',
      'mjoelnerparken',
      'tingbjerg',
    ]);
  });

  it('answers in the language asked for, falling back per field', async () => {
    const res = await app.gql('{ districts { slug da: name(lang: DA) en: name(lang: EN) } }');
    const amager = res.data?.districts.find((d: { slug: string }) => d.slug === 'amager-oest');
    expect(amager).toEqual({ slug: 'amager-oest', da: 'Amager Øst', en: 'Amager East' });
  });

  it('reports malformed queries with a code and no stack trace', async () => {
    const res = await app.gql('{ districts { nope } }');
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(res)).not.toMatch(/stacktrace|at .*\.js:\d+/);
  });

  it('tags every response with a request id, keeping a sane one sent by the client', async () => {
    const res = await fetch(`${app.url}/health`, { headers: { 'x-request-id': 'lb-1234' } });
    expect(res.headers.get('x-request-id')).toBe('lb-1234');
    const other = await fetch(`${app.url}/health`, { headers: { 'x-request-id': 'bad id\twith spaces' } });
    expect(other.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
