import { EventKind } from '@mangfold/calendar';
import { createEvent, createUser } from '../factories';
import { clientIp, register } from '../registrations/helpers';
import { graphql, startTestApp, type GraphqlResponse, type TestApp } from '../utils';

/**
 * The public writes are rate-limited in Redis (shared by every api replica): past the limit the
 * answer is TOO_MANY_REQUESTS with `retryAfter` seconds, and nothing is written.
 */
describe('rate limits on public writes', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { TRUST_PROXY: 'true' } });
  });
  afterAll(() => app.close());

  function expectLimited(res: GraphqlResponse): void {
    expect(res.data?.[Object.keys(res.data ?? {})[0]] ?? null).toBeNull();
    const error = res.errors![0];
    expect(error.extensions?.code).toBe('TOO_MANY_REQUESTS');
    expect(error.extensions?.retryAfter).toEqual(expect.any(Number));
    expect(error.extensions!.retryAfter as number).toBeGreaterThan(0);
  }

  it('limits registrations per email: the 11th within an hour is refused', async () => {
    const events = [];
    for (let i = 0; i < 11; i++)
      events.push(await createEvent(app.em(), { kind: EventKind.SEMINAR, capacity: 5, registrationRequired: true }));
    for (let i = 0; i < 10; i++)
      expect((await register(app, events[i].id, { email: 'busy.person@example.org' }, { ip: clientIp(100 + i) })).errors).toBeUndefined();
    const eleventh = await register(app, events[10].id, { email: 'busy.person@example.org' }, { ip: clientIp(200) });
    expectLimited(eleventh);
    expect(await app.em().count('Registration', { event: events[10].id })).toBe(0);
  });

  it('limits guessing registration tokens per client address', async () => {
    const guess = (i: number) =>
      graphql(
        app.url,
        'mutation($t: String!) { cancelRegistration(token: $t) { id } }',
        { t: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}.x` },
        { headers: { 'x-forwarded-for': '10.66.0.1' } },
      );
    const answers = [];
    for (let i = 0; i < 121; i++) answers.push(await guess(i));
    expect(answers.slice(0, 120).every((r) => r.errors?.[0].extensions?.code === 'NOT_FOUND')).toBe(true);
    expectLimited(answers[120]);
  });

  it('limits password reset requests per email without revealing whether the account exists', async () => {
    const user = await createUser(app.em(), { email: 'forgetful@example.org' });
    const ask = (email: string, i: number) =>
      graphql(
        app.url,
        'mutation($e: String!) { requestPasswordReset(email: $e) }',
        { e: email },
        { headers: { 'x-forwarded-for': clientIp(300 + i) } },
      );
    for (let i = 0; i < 5; i++) expect((await ask(user.email, i)).data?.requestPasswordReset).toBe(true);
    expectLimited(await ask(user.email, 5));
    for (let i = 0; i < 5; i++) expect((await ask('nobody@example.org', 10 + i)).data?.requestPasswordReset).toBe(true);
    expectLimited(await ask('nobody@example.org', 15));
  });

  it('limits sign-ups per email', async () => {
    const signUp = (i: number) =>
      graphql(
        app.url,
        'mutation($input: SignUpAssociationInput!) { signUpAssociation(input: $input) { association { id } } }',
        {
          input: { name: `Forening ${i} ${Date.now()}`, kind: 'ASSOCIATION', email: 'eager@example.org', password: 'long-enough-password' },
        },
        { headers: { 'x-forwarded-for': clientIp(400 + i) } },
      );
    const answers = [];
    for (let i = 0; i < 11; i++) answers.push(await signUp(i));
    // The first one creates the account; the next nine answer the same (the address's owner is mailed
    // instead, so nobody learns the address has an account), and still count.
    expect(answers.slice(0, 10).map((r) => r.errors)).toEqual(Array(10).fill(undefined));
    expectLimited(answers[10]);
  });
});
