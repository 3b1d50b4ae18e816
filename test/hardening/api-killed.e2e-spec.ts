import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { EventKind, Event } from '@mangfold/calendar';
import { OutboxMessage } from '@mangfold/jobs';
import { Registration, RegistrationStatus } from '@mangfold/registrations';
import { initOrm } from '@mangfold/prisma-free-db';
import { type MikroORM } from '@mikro-orm/postgresql';
import { createEvent } from '../factories';
import { REGISTER, attendee, clientIp } from '../registrations/helpers';
import { cleanRedisPrefix, createTestDatabase, freePort, graphql, testConfig, waitFor, type TestDatabase } from '../utils';
import type { AppConfig } from '@mangfold/config';

const root = join(__dirname, '../..');

/** An api replica is killed (SIGKILL) while registrations are in flight: none is half-written. */
describe('an api replica killed mid-request', () => {
  let db: TestDatabase;
  let config: AppConfig;
  let orm: MikroORM;
  let api: ChildProcess | undefined;

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

  async function startApi(port: number): Promise<ChildProcess> {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(root, 'apps/api/src/main.ts')], {
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
        TRUST_PROXY: 'true',
        LOG_LEVEL: 'error',
      },
      stdio: 'ignore',
    });
    await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined))?.ok === true, 60_000, 'api up');
    return child;
  }

  it('leaves every registration whole: seats, waiting list and mail job agree', async () => {
    const event = await createEvent(orm.em.fork(), { kind: EventKind.SEMINAR, capacity: 40, registrationRequired: true });
    const port = await freePort();
    api = await startApi(port);
    const url = `http://127.0.0.1:${port}`;

    const inFlight = Array.from({ length: 800 }, (_, i) =>
      graphql(url, REGISTER, { eventId: event.id, input: attendee() }, { headers: { 'x-forwarded-for': clientIp(i) } }).catch(
        (e: unknown) => ({ failed: String(e) }),
      ),
    );
    // Kill as soon as some registrations have committed, while most are still in flight.
    await waitFor(async () => (await orm.em.fork().count(Registration, { event: event.id })) >= 5, 30_000, 'first registrations');
    api.kill('SIGKILL');
    const results = await Promise.all(inFlight);
    // Requests cut off by the kill fail on the client (connection reset), never as a half-done write.
    const failed = results.filter((r) => 'failed' in r).length;
    expect(failed).toBeGreaterThan(0);

    const em = orm.em.fork();
    const fresh = await em.findOneOrFail(Event, event.id);
    const registrations = await em.find(Registration, { event: event.id });
    const confirmedSeats = registrations.filter((r) => r.status === RegistrationStatus.CONFIRMED).reduce((sum, r) => sum + r.partySize, 0);
    const waitlisted = registrations.filter((r) => r.status === RegistrationStatus.WAITLISTED).length;
    expect(fresh.seatsTaken).toBe(confirmedSeats);
    expect(fresh.waitlistLength).toBe(waitlisted);
    expect(confirmedSeats).toBeLessThanOrEqual(40);

    // Every registration committed with exactly one mail job, none without.
    const notifications = await em.find(OutboxMessage, { name: 'notify' });
    const mailed = new Map<string, number>();
    for (const n of notifications) {
      const id = (n.payload as { registrationId?: string }).registrationId;
      if (id) mailed.set(id, (mailed.get(id) ?? 0) + 1);
    }
    for (const r of registrations) expect(mailed.get(r.id)).toBe(1);
    expect(mailed.size).toBe(registrations.length);

    // A new replica carries on where the dead one stopped.
    api = await startApi(port);
    const more = await graphql(url, REGISTER, { eventId: event.id, input: attendee() }, { headers: { 'x-forwarded-for': clientIp(999) } });
    expect(more.errors).toBeUndefined();
    expect(more.data?.registerForEvent.status).toBe(confirmedSeats < 40 ? 'CONFIRMED' : 'WAITLISTED');
  });
});
