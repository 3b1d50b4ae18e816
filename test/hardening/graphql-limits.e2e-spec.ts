import { Role, TokenService, User } from '@mangfold/auth';
import { GRAPHQL_LIMITS } from '@mangfold/graphql';
import { graphql, startTestApp, type TestApp } from '../utils';

const INTROSPECTION = '{ __schema { queryType { name } types { name } } }';

describe('GraphQL limits', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('rejects too many aliases before execution', async () => {
    const fields = Array.from({ length: GRAPHQL_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: districts { slug }`).join(' ');
    const res = await app.gql(`{ ${fields} }`);
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0].message).toMatch(/aliases/i);
  });

  it("rejects documents with too many tokens, as the client's error", async () => {
    const fields = Array.from({ length: GRAPHQL_LIMITS.maxTokens }, () => 'slug').join(' ');
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ districts { ${fields} } }` }),
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.data).toBeUndefined();
    expect(body.errors[0].message).toMatch(/token/i);
  });

  it('rejects too many directives', async () => {
    const directives = Array.from({ length: GRAPHQL_LIMITS.maxDirectives + 1 }, () => '@include(if: true)').join(' ');
    const res = await app.gql(`{ districts ${directives} { slug } }`);
    expect(res.errors?.[0].message).toMatch(/directive/i);
  });

  it('refuses request bodies over the size limit with 413', async () => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ districts { slug } }`, variables: { padding: 'x'.repeat(app.config.http.bodyLimit) } }),
    });
    expect(res.status).toBe(413);
    expect((await res.json()).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(res.status).toBe(400);
  });

  it('refuses batched requests', async () => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ districts { slug } }' }, { query: '{ districts { slug } }' }]),
    });
    expect(res.status).toBe(400);
  });

  it('keeps introspection open in development, for the IDE', async () => {
    const res = await app.gql(INTROSPECTION);
    expect(res.data?.__schema.queryType.name).toBe('Query');
  });
});

describe('GraphQL in production', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { NODE_ENV: 'production' } });
  });
  afterAll(() => app.close());

  it('answers introspection to admins only', async () => {
    const anonymous = await app.gql(INTROSPECTION);
    expect(anonymous.data).toBeUndefined();
    expect(anonymous.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const admin = await app.em().findOneOrFail(User, { role: Role.ADMIN });
    const token = app.api.get(TokenService).issue(admin).accessToken;
    const res = await graphql(app.url, INTROSPECTION, {}, { token });
    expect(res.data?.__schema.queryType.name).toBe('Query');
  });

  it('does not suggest field names', async () => {
    const res = await app.gql('{ districts { slu } }');
    expect(res.errors?.[0].message).not.toMatch(/Did you mean/);
  });

  describe('does not suggest enum values', () => {
    const answers: Array<[string, () => ReturnType<TestApp['gql']>]> = [
      ['in a literal in an input object', () => app.gql('{ events(filter: { kind: SEMINR }) { edges { cursor } } }')],
      ['in a literal argument', () => app.gql('{ events { edges { node { title(lang: ENN) } } } }')],
      [
        'in an enum variable',
        () => app.gql('query ($kind: EventKind) { events(filter: { kind: $kind }) { edges { cursor } } }', { kind: 'SEMINR' }),
      ],
      [
        'in an input-object variable',
        () => app.gql('query ($filter: EventFilter) { events(filter: $filter) { edges { cursor } } }', { filter: { kind: 'SEMINR' } }),
      ],
      [
        'in an enum argument through a variable',
        () => app.gql('query ($lang: Language) { events { edges { node { title(lang: $lang) } } } }', { lang: 'ENN' }),
      ],
    ];
    it.each(answers)('%s', async (_name, ask) => {
      const res = await ask();
      expect(res.data).toBeUndefined();
      expect(res.errors?.length).toBeGreaterThan(0);
      for (const error of res.errors ?? []) {
        expect(error.message).not.toMatch(/Did you mean|SEMINAR|"EN"/);
        expect(error.message).toMatch(/SEMINR|ENN/);
      }
    });
  });

  it('does not suggest input fields or arguments', async () => {
    const res = await app.gql('{ events(filtr: { kindd: SEMINAR }) { edges { cursor } } }');
    expect(res.errors?.length).toBeGreaterThan(0);
    for (const error of res.errors ?? []) expect(error.message).not.toMatch(/Did you mean/);
  });
});
