import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { EntityManager, MikroORM, RequestContext } from '@mikro-orm/postgresql';
import { Queue, QueueEvents, type Job } from 'bullmq';
import { ConfigModule, type AppConfig } from '@mangfold/config';
import { DbModule } from '@mangfold/db';
import { JobHandlers, JobName, JobsModule, QueueName, QUEUE_DEFAULT_JOB_OPTIONS, redisOptionsFromUrl } from '@mangfold/jobs';
import { SCHEMA } from '@mangfold/prisma-free-db';
import { cleanRedisPrefix, createTestDatabase, testConfig, waitFor, type TestDatabase } from '../utils';

/** A handler that fails as told, and notes the EntityManager each run got. */
@Injectable()
class ScriptedHandler implements OnModuleInit {
  failuresLeft = new Map<number, number>();
  readonly runs: { days: number; attempt: number; at: number; em: EntityManager | undefined }[] = [];

  constructor(private readonly handlers: JobHandlers) {}

  onModuleInit(): void {
    this.handlers.register(JobName.PruneOutbox, async ({ olderThanDays }, job: Job) => {
      const em = RequestContext.getEntityManager() as EntityManager | undefined;
      this.runs.push({ days: olderThanDays, attempt: job.attemptsMade + 1, at: Date.now(), em });
      await em?.getConnection().execute('select 1');
      const left = this.failuresLeft.get(olderThanDays) ?? 0;
      if (left > 0) {
        this.failuresLeft.set(olderThanDays, left - 1);
        throw new Error(`scripted failure for ${olderThanDays}`);
      }
      return { ok: true };
    });
  }
}

describe('BullMQ jobs', () => {
  let db: TestDatabase;
  let config: AppConfig;
  let worker: TestingModule;
  let queue: Queue;
  let events: QueueEvents;
  let handler: ScriptedHandler;

  beforeAll(async () => {
    db = await createTestDatabase();
    config = testConfig(db.url);
    worker = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(config),
        DbModule.forRoot(SCHEMA, { registerRequestContext: false }),
        JobsModule.forRoot(),
        JobsModule.worker([QueueName.Maintenance]),
      ],
      providers: [ScriptedHandler],
    }).compile();
    worker.enableShutdownHooks();
    await worker.init();
    handler = worker.get(ScriptedHandler);
    const connection = redisOptionsFromUrl(config.redis.url);
    queue = new Queue(QueueName.Maintenance, {
      connection,
      prefix: config.redis.prefix,
      defaultJobOptions: QUEUE_DEFAULT_JOB_OPTIONS[QueueName.Maintenance],
    });
    events = new QueueEvents(QueueName.Maintenance, { connection, prefix: config.redis.prefix });
    await events.waitUntilReady();
  });

  afterAll(async () => {
    await events.close();
    await queue.close();
    await worker.close();
    await cleanRedisPrefix(config);
    await db.drop();
  });

  it('retries a job that throws, with exponential backoff, until it succeeds', async () => {
    handler.failuresLeft.set(1, 2);
    const job = await queue.add(JobName.PruneOutbox, { olderThanDays: 1 });
    await job.waitUntilFinished(events, 20_000);
    const runs = handler.runs.filter((r) => r.days === 1);
    expect(runs.map((r) => r.attempt)).toEqual([1, 2, 3]);
    // Backoff of the maintenance queue: 1 s, then 2 s (BullMQ adds no jitter by default).
    expect(runs[1].at - runs[0].at).toBeGreaterThanOrEqual(900);
    expect(runs[2].at - runs[1].at).toBeGreaterThanOrEqual(1_900);
  });

  it('ends in the failed set, with its error, once the attempts are spent', async () => {
    const attempts = QUEUE_DEFAULT_JOB_OPTIONS[QueueName.Maintenance].attempts!;
    handler.failuresLeft.set(2, 99);
    const job = await queue.add(JobName.PruneOutbox, { olderThanDays: 2 });
    await expect(job.waitUntilFinished(events, 20_000)).rejects.toThrow('scripted failure for 2');
    await waitFor(async () => (await queue.getFailedCount()) === 1, 5_000);
    const [failed] = await queue.getFailed();
    expect(failed.id).toBe(job.id);
    expect(failed.failedReason).toBe('scripted failure for 2');
    expect(failed.attemptsMade).toBe(attempts);
  });

  it('runs every job in a MikroORM context of its own', async () => {
    const global = worker.get<MikroORM>(MikroORM).em;
    const jobs = await Promise.all([
      queue.add(JobName.PruneOutbox, { olderThanDays: 3 }),
      queue.add(JobName.PruneOutbox, { olderThanDays: 4 }),
    ]);
    await Promise.all(jobs.map((j) => j.waitUntilFinished(events, 10_000)));
    const ems = handler.runs.filter((r) => r.days === 3 || r.days === 4).map((r) => r.em);
    expect(ems).toHaveLength(2);
    for (const em of ems) {
      expect(em).toBeDefined();
      expect(em).not.toBe(global);
    }
    expect(ems[0]).not.toBe(ems[1]);
  });
});
