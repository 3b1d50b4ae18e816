import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { EntityManager, MikroORM, RequestContext } from '@mikro-orm/postgresql';
import { Queue, QueueEvents, type Job } from 'bullmq';
import { ConfigModule, type AppConfig } from '@mangfold/config';
import { DbModule } from '@mangfold/db';
import { JobHandlers, JobName, JobsModule, QueueName, QUEUE_DEFAULT_JOB_OPTIONS, redisOptionsFromUrl } from '@mangfold/jobs';
import { SCHEMA } from '@mangfold/prisma-free-db';
import { RegistrationsJobsModule } from '@mangfold/registrations';
import { WorkplanJobsModule } from '@mangfold/workplan';
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

/** Starts test/foundation/incomplete-worker.ts against this test's database and Redis prefix. */
function runIncompleteWorker(config: AppConfig): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'incomplete-worker.ts')], {
      cwd: join(__dirname, '../..'),
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        DATABASE_URL: config.db.url,
        REDIS_URL: config.redis.url,
        REDIS_PREFIX: config.redis.prefix,
        MIGRATE_ON_START: 'false',
        LOG_LEVEL: 'silent',
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
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
        // The other jobs of the maintenance queue: the worker starts only when each has its handler.
        RegistrationsJobsModule,
        WorkplanJobsModule,
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

  it('refuses to start while a job of a queue it consumes has no handler', async () => {
    const { status, stdout, stderr } = await runIncompleteWorker(config);
    expect({ status, stdout }).toEqual({ status: 1, stdout: '' });
    expect(stderr.trim()).toBe(
      'no handler registered for job(s): promote-waitlist, purge-personal-data, purge-assignment-requesters; the worker does not start',
    );
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
