import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { EventKind } from '@mangfold/calendar';
import { initOrm } from '@mangfold/prisma-free-db';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createEvent, createUser, TEST_PASSWORD } from '../factories';
import { REGISTER, attendee } from '../registrations/helpers';
import { cleanRedisPrefix, createTestDatabase, freePort, graphql, testConfig, waitFor, type TestDatabase } from '../utils';
import type { AppConfig } from '@mangfold/config';

const root = join(__dirname, '../..');

/** Logs never hold emails, phone numbers, passwords or tokens, whatever the requests carry. */
describe('log redaction', () => {
  let db: TestDatabase;
  let config: AppConfig;
  let orm: MikroORM;
  let api: ChildProcess;
  let output = '';

  beforeAll(async () => {
    db = await createTestDatabase();
    config = testConfig(db.url);
    orm = await initOrm(config);
  });
  afterAll(async () => {
    api?.kill('SIGKILL');
    await orm.close();
    await cleanRedisPrefix(config);
    await db.drop();
  });

  it('keeps personal data and secrets out of every log line, at debug level', async () => {
    const em = orm.em.fork();
    const user = await createUser(em, { email: 'logged.user@example.org' });
    const event = await createEvent(em, { kind: EventKind.SEMINAR, capacity: 5, registrationRequired: true });
    const port = await freePort();
    api = spawn(process.execPath, ['-r', '@swc-node/register', join(root, 'apps/api/src/main.ts')], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        PORT: String(port),
        DATABASE_URL: db.url,
        REDIS_URL: config.redis.url,
        REDIS_PREFIX: config.redis.prefix,
        JWT_SECRET: config.auth.jwtSecret,
        MIGRATE_ON_START: 'false',
        LOG_LEVEL: 'debug',
      },
    });
    api.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    api.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const url = `http://127.0.0.1:${port}`;
    await waitFor(async () => (await fetch(`${url}/health`).catch(() => undefined))?.ok === true, 60_000, 'api up');

    const secrets: string[] = [user.email, TEST_PASSWORD, 'wrong-password-123', 'registrant.person@example.org', '+4599887766'];
    await graphql(url, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }', {
      e: user.email,
      p: 'wrong-password-123',
    });
    const login = await graphql(url, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }', {
      e: user.email,
      p: TEST_PASSWORD,
    });
    const accessToken = login.data!.login.accessToken as string;
    secrets.push(accessToken);
    await graphql(url, '{ me { email } }', {}, { token: accessToken });
    const registered = await graphql(url, REGISTER, {
      eventId: event.id,
      input: attendee({ email: 'registrant.person@example.org', phone: '+4599887766' }),
    });
    const r = registered.data!.registerForEvent;
    secrets.push(r.managementToken, r.calendarToken);
    await fetch(`${url}/registrations/manage?token=${encodeURIComponent(r.managementToken)}`);
    await fetch(`${url}/calendar/registrations/${r.calendarToken}.ics`);
    await graphql(url, 'query($t: String!) { registration(token: $t) { email } }', { t: r.managementToken });
    await graphql(url, 'mutation($e: String!) { requestPasswordReset(email: $e) }', { e: user.email });
    // A malformed request whose body holds personal data.
    await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"query": "mutation { login(email: \\"${user.email}\\", password: \\"${TEST_PASSWORD}\\") }"`,
    });
    await new Promise((resolve) => setTimeout(resolve, 500));

    expect(output.length).toBeGreaterThan(1000);
    expect(output).toMatch(/"method":"POST"/);
    for (const secret of secrets) expect(output).not.toContain(secret);
    expect(output.toLowerCase()).not.toContain('registrant.person@example.org');
  });
});
