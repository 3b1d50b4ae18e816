import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { InjectConfig, type AppConfig } from '@mangfold/config';
import { JOB_QUEUE, JobName, QueueName } from './job-names';
import { JobHandlers } from './job-handlers';
import { QUEUE_CONCURRENCY } from './queue-options';
import { redisOptionsFromUrl } from './redis-connection';
import { settleBullConnections } from './settle-connections';

export const WORKER_QUEUES = Symbol('WORKER_QUEUES');

/**
 * Runs the BullMQ workers of this process. Every job runs in a MikroORM context of its own:
 * the HTTP request context does not exist here, and jobs must never share an identity map.
 */
@Injectable()
export class JobWorkers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly workers: Worker[] = [];

  constructor(
    private readonly orm: MikroORM,
    private readonly handlers: JobHandlers,
    @InjectConfig() private readonly config: AppConfig,
    @Inject(WORKER_QUEUES) private readonly queues: QueueName[],
  ) {}

  onApplicationBootstrap(): void {
    // A job on one of our queues with nobody to run it would fail every time it is enqueued: refuse to start instead.
    const missing = Object.values(JobName).filter((name) => this.queues.includes(JOB_QUEUE[name]) && !this.handlers.get(name));
    if (missing.length > 0) throw new Error(`no handler registered for job(s): ${missing.join(', ')}; the worker does not start`);
    for (const queue of this.queues) {
      const worker = new Worker(queue, (job: Job) => this.run(job), {
        connection: redisOptionsFromUrl(this.config.redis.url),
        prefix: this.config.redis.prefix,
        concurrency: QUEUE_CONCURRENCY[queue],
        lockDuration: this.config.jobs.lockDurationMs,
        stalledInterval: this.config.jobs.stalledIntervalMs,
        maxStalledCount: 2,
        autorun: true,
      });
      worker.on('failed', (job, error) => {
        const final = job && (error instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1));
        this.logger[final ? 'error' : 'warn'](
          `${queue}/${job?.name ?? '?'} ${job?.id ?? ''} failed (attempt ${job?.attemptsMade ?? '?'}): ${error.message}`,
        );
      });
      worker.on('error', (error) => this.logger.warn(`${queue} worker: ${error.message}`));
      this.workers.push(worker);
    }
    this.logger.log(`processing queues: ${this.queues.join(', ')}`);
  }

  async onApplicationShutdown(): Promise<void> {
    // close() waits for the jobs in progress, so a deploy does not leave them to the stalled checker.
    await settleBullConnections(this.workers);
    await Promise.all(this.workers.map((w) => w.close()));
  }

  private async run(job: Job): Promise<unknown> {
    const handler = this.handlers.get(job.name as JobName);
    if (!handler) throw new UnrecoverableError(`no handler for job "${job.name}"`);
    return RequestContext.create(this.orm.em, () => handler(job.data as never, job as never));
  }
}
