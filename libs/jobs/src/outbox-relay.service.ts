import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import type { EventSubscriber, FlushEventArgs, TransactionEventArgs } from '@mikro-orm/core';
import type { JobsOptions, Queue } from 'bullmq';
import { withTimeout } from '@mangfold/common';
import { InjectConfig, type AppConfig } from '@mangfold/config';
import { QueueName } from './job-names';
import { OutboxMessage } from './outbox-message.entity';

interface OutboxRow {
  id: string;
  queue: string;
  name: string;
  job_id: string;
  payload: object;
  run_at: Date | null;
  dedupe_id: string | null;
  dedupe_ttl_ms: number | null;
}

const BATCH = 500;
const ADD_TIMEOUT_MS = 5_000;
const MAX_BACKOFF_MS = 10_000;

/**
 * Moves committed outbox rows to BullMQ. Rows are claimed with SKIP LOCKED, so any number of
 * relays (every api replica and worker runs one) share the work; a row is marked dispatched in the
 * same transaction that claimed it, after BullMQ accepted the job. If Redis is down the
 * transaction rolls back and the rows wait for the next pass.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown, EventSubscriber {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  private failures = 0;
  private pendingKick = false;
  private readonly queues = new Map<string, Queue>();

  constructor(
    private readonly orm: MikroORM,
    private readonly moduleRef: ModuleRef,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    for (const name of Object.values(QueueName)) this.queues.set(name, this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }));
    this.orm.em.getEventManager().registerSubscriber(this);
    this.stopped = false;
    this.schedule(0);
  }

  // Before, not on, shutdown: Nest shuts the deepest modules down first, so MikroORM would close its
  // pool under a pass still running, and that pass (and app.close()) would wait forever.
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  // A flush inside a transaction is not visible to the relay until the commit.
  afterFlush(args: FlushEventArgs): void {
    if (!args.uow.getChangeSets().some((cs) => cs.entity instanceof OutboxMessage)) return;
    if (args.em.isInTransaction()) this.pendingKick = true;
    else this.kick();
  }

  afterTransactionCommit(_args: TransactionEventArgs): void {
    if (this.pendingKick) {
      this.pendingKick = false;
      this.kick();
    }
  }

  /** Relay soon: after a commit that wrote outbox rows. Coalesces bursts into one pass. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  /** Relays until the outbox is empty; returns how many jobs were handed to BullMQ. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.relayBatch();
      total += n;
      if (n < BATCH) return total;
    }
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.pass().finally(() => {
        this.running = undefined;
        if (this.stopped) return;
        if (this.again && this.failures === 0) {
          this.again = false;
          this.schedule(0);
        } else {
          this.schedule(this.failures ? Math.min(MAX_BACKOFF_MS, 250 * 2 ** this.failures) : this.config.jobs.relayIntervalMs);
        }
      });
    }, delayMs);
    this.timer.unref();
  }

  private async pass(): Promise<void> {
    try {
      await this.drain();
      if (this.failures > 0) this.logger.log('outbox relay recovered');
      this.failures = 0;
    } catch (error) {
      this.failures++;
      if (this.failures === 1 || this.failures % 20 === 0) {
        this.logger.warn(`outbox relay cannot reach the queue yet (${(error as Error).message}); jobs stay in the outbox and are retried`);
      }
    }
  }

  private async relayBatch(): Promise<number> {
    const em = this.orm.em.fork();
    return em.transactional(async (tem: EntityManager) => {
      const rows: OutboxRow[] = await tem.execute(
        `select id, queue, name, job_id, payload, run_at, dedupe_id, dedupe_ttl_ms from outbox_message
          where dispatched_at is null order by id limit ${BATCH} for update skip locked`,
      );
      if (rows.length === 0) return 0;
      const now = Date.now();
      const byQueue = new Map<string, { name: string; data: object; opts: JobsOptions }[]>();
      for (const row of rows) {
        const opts: JobsOptions = { jobId: row.job_id || `outbox-${row.id}` };
        if (row.run_at) opts.delay = Math.max(0, new Date(row.run_at).getTime() - now);
        if (row.dedupe_id) opts.deduplication = { id: row.dedupe_id, ttl: row.dedupe_ttl_ms ?? undefined };
        const list = byQueue.get(row.queue) ?? [];
        list.push({ name: row.name, data: row.payload, opts });
        byQueue.set(row.queue, list);
      }
      for (const [queueName, jobs] of byQueue) {
        const queue = this.queues.get(queueName);
        if (!queue) throw new Error(`outbox row for unknown queue "${queueName}"`);
        await withTimeout(queue.addBulk(jobs), ADD_TIMEOUT_MS, `adding ${jobs.length} job(s) to ${queueName}`);
      }
      await tem.execute(
        `update outbox_message set dispatched_at = now() where id in (${rows.map(() => '?').join(',')})`,
        rows.map((r) => r.id),
      );
      return rows.length;
    });
  }
}
