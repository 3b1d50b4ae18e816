import { Queue } from 'bullmq';
import { type EntityManager } from '@mikro-orm/postgresql';
import { JobName, OutboxMessage, QueueName, enqueue, OutboxRelay } from '@mangfold/jobs';
import { AuditEntry, audit } from '@mangfold/db';
import { PrivateRedis, startTestApp, waitFor, type TestApp } from '../utils';

/**
 * Redis goes away while the api runs: health says so, reads keep working, a write that implies a
 * job still commits, and the job reaches the queue once Redis is back (transactional outbox).
 */
describe('the outbox when Redis is down', () => {
  let redis: PrivateRedis;
  let app: TestApp;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    app = await startTestApp({ env: { REDIS_URL: redis.url } });
  });
  afterAll(async () => {
    await app.close();
    await redis.stop();
  });

  async function pendingOutbox(): Promise<number> {
    return app.em().count(OutboxMessage, { dispatchedAt: null });
  }

  it('relays a committed job to BullMQ at once while Redis is up', async () => {
    const em = app.em();
    await em.transactional(async (tem: EntityManager) => {
      enqueue(tem, JobName.PruneOutbox, { olderThanDays: 30 }, { jobId: 'prune-while-up' });
    });
    const queue = new Queue(QueueName.Maintenance, {
      connection: { host: '127.0.0.1', port: redis.port },
      prefix: app.config.redis.prefix,
    });
    try {
      await waitFor(async () => (await queue.getJob('prune-while-up')) !== undefined, 5_000);
      // The relay marks rows dispatched in the transaction that added the job, committed just after.
      await waitFor(async () => (await pendingOutbox()) === 0, 5_000, 'outbox marked dispatched');
    } finally {
      await queue.close();
    }
  });

  it('keeps serving reads and committing writes without Redis, and delivers the jobs when it returns', async () => {
    await redis.stop();

    const health = await fetch(`${app.url}/health`);
    expect(health.status).toBe(503);
    const body = await health.json();
    expect(body.status).toBe('error');
    expect(body.checks.database).toBe('up');
    expect(body.checks.redis).toMatch(/^down: /);

    const read = await app.gql('{ districts { slug } }');
    expect(read.errors).toBeUndefined();
    expect(read.data?.districts).toHaveLength(10);

    const em = app.em();
    await em.transactional(async (tem: EntityManager) => {
      audit(tem, { actorId: null, action: 'test.write', entityType: 'test', entityId: '00000000-0000-4000-8000-000000000001' });
      enqueue(tem, JobName.PruneOutbox, { olderThanDays: 30 }, { jobId: 'prune-while-down' });
    });
    expect(await app.em().count(AuditEntry, { action: 'test.write' })).toBe(1);
    // The relay tries (and fails) meanwhile; the row must stay.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await pendingOutbox()).toBe(1);

    await redis.start();
    const queue = new Queue(QueueName.Maintenance, {
      connection: { host: '127.0.0.1', port: redis.port },
      prefix: app.config.redis.prefix,
    });
    try {
      await waitFor(async () => (await queue.getJob('prune-while-down')) !== undefined, 20_000);
      // The relay marks rows dispatched in the transaction that added the job, committed just after.
      await waitFor(async () => (await pendingOutbox()) === 0, 5_000, 'outbox marked dispatched');
      const health = await fetch(`${app.url}/health`);
      expect(health.status).toBe(200);
    } finally {
      await queue.close();
    }
  });

  it('never duplicates a job when the same rows are relayed twice', async () => {
    const relay = app.api.get(OutboxRelay);
    const em = app.em();
    await em.transactional(async (tem: EntityManager) => {
      enqueue(tem, JobName.PruneOutbox, { olderThanDays: 1 }, { jobId: 'relayed-twice' });
    });
    await relay.drain();
    // Simulate a relay that crashed after adding to Redis but before marking the row.
    await app.em().getConnection().execute(`update outbox_message set dispatched_at = null where job_id = 'relayed-twice'`);
    await relay.drain();
    const queue = new Queue(QueueName.Maintenance, {
      connection: { host: '127.0.0.1', port: redis.port },
      prefix: app.config.redis.prefix,
    });
    try {
      const jobs = await queue.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed']);
      expect(jobs.filter((j) => j.id === 'relayed-twice')).toHaveLength(1);
    } finally {
      await queue.close();
    }
  });
});
