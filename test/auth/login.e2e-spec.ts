import { randomBytes, scryptSync } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { AuditEntry } from '@mangfold/db';
import { JobName, OutboxMessage } from '@mangfold/jobs';
import { PasswordResetToken, User, createPasswordResetToken, hashResetToken, needsRehash } from '@mangfold/auth';
import { TEST_PASSWORD, createMember, createUser } from '../factories';
import { dataOf, errorOf, graphql, startTestApp, type GraphqlResponse, type TestApp } from '../utils';

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken expiresAt user { id email role } } }';

describe('login, sessions and passwords', () => {
  let app: TestApp;
  beforeAll(async () => {
    // Behind a trusted proxy, so the test can speak from several client IPs.
    app = await startTestApp({ env: { TRUST_PROXY: 'true' } });
  });
  afterAll(() => app.close());

  const loginFrom = (ip: string, email: string, password: string): Promise<GraphqlResponse> =>
    graphql(app.url, LOGIN, { e: email, p: password }, { headers: { 'x-forwarded-for': ip } });

  async function passwordHashOf(userId: string): Promise<string> {
    const user = await app.em().findOneOrFail(User, userId, { populate: ['passwordHash'] });
    return user.passwordHash;
  }

  it('logs in case-insensitively, records the time and issues a working token', async () => {
    const user = await createUser(app.em(), { email: 'kultur@forening.example' });
    const res = dataOf(await loginFrom('10.1.0.1', '  Kultur@Forening.EXAMPLE ', TEST_PASSWORD)).login;
    expect(res.user).toEqual({ id: user.id, email: 'kultur@forening.example', role: 'ASSOCIATION_MEMBER' });
    expect(Date.parse(res.expiresAt) - Date.now()).toBeGreaterThan(app.config.auth.jwtTtlSeconds * 1000 - 60_000);
    const me = dataOf(await app.gql('{ me { id email lastLoginAt } }', {}, res.accessToken)).me;
    expect(me.id).toBe(user.id);
    expect(Date.parse(me.lastLoginAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    await createUser(app.em(), { email: 'known@forening.example' });
    const wrong = errorOf(await loginFrom('10.2.0.1', 'known@forening.example', 'not-the-password'));
    const unknown = errorOf(await loginFrom('10.2.0.2', 'nobody@forening.example', 'not-the-password'));
    expect(wrong.extensions?.code).toBe('UNAUTHENTICATED');
    expect({ message: unknown.message, code: unknown.extensions?.code }).toEqual({ message: wrong.message, code: wrong.extensions?.code });
  });

  it('refuses the 11th failed login within a minute per email, and per client IP, with TOO_MANY_REQUESTS', async () => {
    await createUser(app.em(), { email: 'target@forening.example' });
    for (let i = 1; i <= 10; i++) {
      const res = errorOf(await loginFrom('10.3.0.1', 'target@forening.example', `guess-${i}-wrong`));
      expect(res.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const eleventh = errorOf(await loginFrom('10.3.0.1', 'target@forening.example', 'guess-11-wrong'));
    expect(eleventh.extensions?.code).toBe('TOO_MANY_REQUESTS');
    expect(eleventh.message).toMatch(/Too many failed logins; try again in \d+ seconds/);
    expect(eleventh.extensions?.retryAfter).toEqual(expect.any(Number));
    expect(eleventh.extensions?.retryAfter).toBeGreaterThanOrEqual(1);
    expect(eleventh.extensions?.retryAfter).toBeLessThanOrEqual(60);

    // Per email: even the right password from another IP waits.
    expect(errorOf(await loginFrom('10.3.0.2', 'target@forening.example', TEST_PASSWORD)).extensions?.code).toBe('TOO_MANY_REQUESTS');
    // Per IP: that IP cannot try other accounts either.
    const other = await createUser(app.em());
    expect(errorOf(await loginFrom('10.3.0.1', other.email, TEST_PASSWORD)).extensions?.code).toBe('TOO_MANY_REQUESTS');
    // Everyone else is unaffected.
    expect(dataOf(await loginFrom('10.3.0.3', other.email, TEST_PASSWORD)).login.user.id).toBe(other.id);
  });

  it('does not count successful logins against anyone', async () => {
    const user = await createUser(app.em());
    for (let i = 0; i < 15; i++) dataOf(await loginFrom('10.4.0.1', user.email, TEST_PASSWORD));
  });

  it('upgrades a hash made with older scrypt parameters on login', async () => {
    const user = await createUser(app.em());
    const salt = randomBytes(16);
    const key = scryptSync('an-older-password-1', salt, 32, { N: 2 ** 14, r: 8, p: 1 });
    const old = ['scrypt', 2 ** 14, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
    await app.em().nativeUpdate(User, { id: user.id }, { passwordHash: old });

    dataOf(await loginFrom('10.5.0.1', user.email, 'an-older-password-1'));
    const upgraded = await passwordHashOf(user.id);
    expect(upgraded).not.toBe(old);
    expect(needsRehash(upgraded)).toBe(false);
    dataOf(await loginFrom('10.5.0.1', user.email, 'an-older-password-1'));
  });

  it('answers me with the memberships, null for anonymous callers and invalid tokens', async () => {
    const { user, association, token } = await createMember(app);
    const me = dataOf(await app.gql('{ me { id email role memberships { createdAt association { id slug status } } } }', {}, token)).me;
    expect(me).toMatchObject({ id: user.id, email: user.email, role: 'ASSOCIATION_MEMBER' });
    expect(me.memberships).toEqual([
      { createdAt: expect.any(String), association: { id: association.id, slug: association.slug, status: 'APPROVED' } },
    ]);
    expect(dataOf(await app.gql('{ me { id } }')).me).toBeNull();
    expect(dataOf(await app.gql('{ me { id } }', {}, 'not-a-jwt')).me).toBeNull();
  });

  it('refuses expired tokens and tokens signed with another secret', async () => {
    const { user } = await createMember(app);
    const expired = app.api.get(JwtService).sign({ sub: user.id, role: user.role, ver: 0 }, { expiresIn: -10 });
    const op = 'mutation { changePassword(currentPassword: "x", newPassword: "yyyyyyyyyyyy") { accessToken } }';
    expect(errorOf(await app.gql(op, {}, expired)).extensions?.code).toBe('UNAUTHENTICATED');
    const forged = new JwtService({ secret: 'another-secret-that-is-long-enough-for-hs256' }).sign(
      { sub: user.id, role: 'ADMIN', ver: 0 },
      { issuer: 'mangfold' },
    );
    expect(errorOf(await app.gql(op, {}, forged)).extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('changes the password, ends other sessions and keeps the caller logged in', async () => {
    const { user, token } = await createMember(app);
    const op = 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { accessToken user { id } } }';

    expect(errorOf(await app.gql(op, { c: TEST_PASSWORD, n: 'short' }, token)).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { newPassword: 'must be at least 10 characters' },
    });
    expect(errorOf(await app.gql(op, { c: 'wrong-current-pw', n: 'a-brand-new-password' }, token)).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { currentPassword: expect.any(String) },
    });
    expect(errorOf(await app.gql(op, { c: TEST_PASSWORD, n: 'a-brand-new-password' })).extensions?.code).toBe('UNAUTHENTICATED');

    const changed = dataOf(await app.gql(op, { c: TEST_PASSWORD, n: 'a-brand-new-password' }, token)).changePassword;
    expect(changed.user.id).toBe(user.id);
    expect(dataOf(await app.gql('{ me { id } }', {}, changed.accessToken)).me.id).toBe(user.id);
    // The old session is over; the old password no longer works.
    expect(errorOf(await app.gql(op, { c: 'a-brand-new-password', n: 'another-new-password' }, token)).extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    expect(errorOf(await loginFrom('10.6.0.1', user.email, TEST_PASSWORD)).extensions?.code).toBe('UNAUTHENTICATED');
    dataOf(await loginFrom('10.6.0.1', user.email, 'a-brand-new-password'));
    expect(await app.em().count(AuditEntry, { entityId: user.id, action: 'user.password-changed' })).toBe(1);
  });

  describe('password reset by emailed token', () => {
    const REQUEST = 'mutation($e: String!) { requestPasswordReset(email: $e) }';
    const RESET = 'mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) { accessToken user { id email } } }';

    it('answers the same for known and unknown emails, and queues one mail for the known one', async () => {
      const user = await createUser(app.em(), { email: 'forgetful@forening.example' });
      const known = await graphql(app.url, REQUEST, { e: 'Forgetful@Forening.example' }, { headers: { 'x-forwarded-for': '10.7.0.1' } });
      const unknown = await graphql(app.url, REQUEST, { e: 'ghost@forening.example' }, { headers: { 'x-forwarded-for': '10.7.0.1' } });
      expect(known).toEqual({ data: { requestPasswordReset: true } });
      expect(unknown).toEqual(known);

      const jobs = await app.em().find(OutboxMessage, { name: JobName.Notify });
      const resets = jobs.map((j) => j.payload as { kind: string; userId?: string }).filter((p) => p.kind === 'password-reset');
      expect(resets).toEqual([{ kind: 'password-reset', userId: user.id }]);
      // No secret waits in the outbox: the notifications job makes the token when it sends.
      expect(await app.em().count(PasswordResetToken, { user: user.id })).toBe(0);

      const bad = errorOf(await app.gql(REQUEST, { e: 'not an email' }));
      expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { email: expect.any(String) } });
    });

    it('sets a new password with a valid token once, voids other tokens and sessions', async () => {
      const { user, token: session } = await createMember(app);
      const { token } = await createPasswordResetToken(app.em(), user.id);
      const { token: other } = await createPasswordResetToken(app.em(), user.id);
      const stored = await app.em().find(PasswordResetToken, { user: user.id });
      expect(stored.map((t) => t.tokenHash).sort()).toEqual([hashResetToken(token), hashResetToken(other)].sort());
      expect(stored.map((t) => t.tokenHash)).not.toContain(token);

      expect(errorOf(await app.gql(RESET, { t: token, p: 'short' })).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { newPassword: expect.any(String) },
      });
      const reset = dataOf(await app.gql(RESET, { t: token, p: 'reset-to-something-new' })).resetPassword;
      expect(reset.user).toEqual({ id: user.id, email: user.email });
      expect(dataOf(await app.gql('{ me { id } }', {}, reset.accessToken)).me.id).toBe(user.id);

      // Single use, and the other outstanding token is void too.
      for (const t of [token, other]) {
        const again = errorOf(await app.gql(RESET, { t, p: 'yet-another-password' }));
        expect(again.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { token: expect.any(String) } });
      }
      // Existing sessions end; only the new password logs in.
      expect(dataOf(await app.gql('{ me { id } }', {}, session)).me).toBeNull();
      expect(errorOf(await loginFrom('10.8.0.1', user.email, TEST_PASSWORD)).extensions?.code).toBe('UNAUTHENTICATED');
      dataOf(await loginFrom('10.8.0.1', user.email, 'reset-to-something-new'));
      expect(await app.em().count(AuditEntry, { entityId: user.id, action: 'user.password-reset' })).toBe(1);
    });

    it('refuses expired and unknown tokens', async () => {
      const user = await createUser(app.em());
      const { token: expired } = await createPasswordResetToken(app.em(), user.id, -1);
      for (const t of [expired, 'made-up-token', '']) {
        const res = errorOf(await app.gql(RESET, { t, p: 'a-fine-new-password' }));
        expect(res.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { token: expect.any(String) } });
      }
      dataOf(await loginFrom('10.9.0.1', user.email, TEST_PASSWORD));
    });

    it('lets two concurrent uses of one token succeed at most once', async () => {
      const user = await createUser(app.em());
      const { token } = await createPasswordResetToken(app.em(), user.id);
      const results = await Promise.all([
        app.gql(RESET, { t: token, p: 'first-new-password' }),
        app.gql(RESET, { t: token, p: 'second-new-password' }),
      ]);
      expect(results.filter((r) => r.data?.resetPassword).length).toBe(1);
      expect(results.filter((r) => r.errors?.[0].extensions?.code === 'BAD_USER_INPUT').length).toBe(1);
    });
  });
});
