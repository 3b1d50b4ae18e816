import { Queue } from 'bullmq';
import { EventKind } from '@mangfold/calendar';
import { OutboxMessage, QueueName } from '@mangfold/jobs';
import { createEvent, createMember } from '../factories';
import { clientIp, register } from '../registrations/helpers';
import { PrivateRedis, dataOf, startTestApp, waitFor, type TestApp } from '../utils';

/**
 * Redis restarts in the middle of registrations and publishes: every write commits, reads keep
 * working, and every job its writes implied reaches the queues exactly once (the outbox).
 */
describe('a Redis restart under load', () => {
  let redis: PrivateRedis;
  let app: TestApp;

  beforeAll(async () => {
    redis = await PrivateRedis.start({ persistent: true });
    app = await startTestApp({ env: { REDIS_URL: redis.url, TRUST_PROXY: 'true' } });
  });
  afterAll(async () => {
    await app.close();
    await redis.stop();
  });

  it('loses no job and duplicates none', async () => {
    const em = app.em();
    const seminar = await createEvent(em, { kind: EventKind.SEMINAR, capacity: 20, registrationRequired: true });
    const owner = await createMember(app);
    const admin = await app.adminToken();
    const drafts = [];
    for (let i = 0; i < 6; i++) {
      const created = await app.gql(
        `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
        {
          input: {
            associationId: owner.association.id,
            kind: 'CULTURAL_EVENT',
            title: { da: `Fest ${i}` },
            startsAt: new Date(Date.now() + (10 + i) * 86400_000).toISOString(),
            endsAt: new Date(Date.now() + (10 + i) * 86400_000 + 7200_000).toISOString(),
          },
        },
        owner.token,
      );
      const id = dataOf(created).createEvent.id as string;
      dataOf(await app.gql(`mutation($id: ID!) { submitEvent(id: $id) { id } }`, { id }, owner.token));
      drafts.push(id);
    }

    let n = 0;
    const burst = (count: number) => Promise.all(Array.from({ length: count }, () => register(app, seminar.id, {}, { ip: clientIp(n++) })));
    const publish = (ids: string[]) =>
      Promise.all(ids.map((id) => app.gql(`mutation($id: ID!) { publishEvent(id: $id) { id } }`, { id }, admin)));

    const before = await Promise.all([burst(15), publish(drafts.slice(0, 2))]);
    await redis.stop();
    const during = await Promise.all([burst(15), publish(drafts.slice(2, 4))]);
    const read = await app.gql('{ events(first: 5) { edges { node { id } } } }');
    expect(read.errors).toBeUndefined();
    await redis.start();
    const after = await Promise.all([burst(10), publish(drafts.slice(4))]);

    for (const [registrations, publishes] of [before, during, after]) {
      for (const r of registrations) expect(r.errors).toBeUndefined();
      for (const p of publishes) expect(p.errors).toBeUndefined();
    }

    await waitFor(async () => (await app.em().count(OutboxMessage, { dispatchedAt: null })) === 0, 30_000, 'outbox drained');
    const rows = await app.em().find(OutboxMessage, {});
    const connection = { host: '127.0.0.1', port: redis.port };
    const found = new Map<string, number>();
    for (const name of Object.values(QueueName)) {
      const queue = new Queue(name, { connection, prefix: app.config.redis.prefix });
      try {
        for (const job of await queue.getJobs(['waiting', 'delayed', 'prioritized', 'active', 'completed', 'failed'])) {
          if (job?.id) found.set(job.id, (found.get(job.id) ?? 0) + 1);
        }
      } finally {
        await queue.close();
      }
    }
    // Each outbox row became exactly one job (debounced feed renders may share one).
    const missing = rows.filter((r) => !r.dedupeId && !found.has(r.jobId || `outbox-${r.id}`));
    expect(missing.map((r) => `${r.name} ${r.jobId || r.id}`)).toEqual([]);
    expect([...found.values()].every((count) => count === 1)).toBe(true);
    expect(rows.filter((r) => r.name === 'notify').length).toBeGreaterThanOrEqual(40 + 6);
  });
});
