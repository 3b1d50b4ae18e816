import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Queue } from 'bullmq';
import { Gauge } from 'prom-client';
import { QueueName } from '@mangfold/jobs';
import { Metrics } from '@mangfold/observability';

const STATES = ['waiting', 'delayed', 'active', 'failed', 'completed'] as const;

function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return Promise.race([promise, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms).unref())]);
}

/**
 * What an operator watches besides request rates: jobs waiting in the outbox (should be ~0 while
 * Redis is up) and each queue's jobs by state. Read at scrape time, with short timeouts, so a
 * slow dependency thins the scrape instead of stalling it.
 */
@Injectable()
export class QueueMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    private readonly em: EntityManager,
    private readonly moduleRef: ModuleRef,
  ) {}

  onModuleInit(): void {
    const em = this.em;
    new Gauge({
      name: 'mangfold_outbox_pending',
      help: 'Outbox rows not yet handed to BullMQ',
      registers: [this.metrics.registry],
      async collect() {
        const rows = await within(
          em.fork().getConnection().execute<{ n: number }[]>('select count(*)::int as n from outbox_message where dispatched_at is null'),
          1_000,
        ).catch(() => undefined);
        if (rows) this.set(rows[0].n);
      },
    });
    const queues = Object.values(QueueName).map(
      (name) => [name, this.moduleRef.get<Queue>(getQueueToken(name), { strict: false })] as const,
    );
    new Gauge({
      name: 'mangfold_queue_jobs',
      help: 'BullMQ jobs per queue and state',
      labelNames: ['queue', 'state'] as const,
      registers: [this.metrics.registry],
      async collect() {
        await Promise.all(
          queues.map(async ([name, queue]) => {
            const counts = await within(queue.getJobCounts(...STATES), 1_000).catch(() => undefined);
            if (counts) for (const state of STATES) this.set({ queue: name, state }, counts[state] ?? 0);
          }),
        );
      },
    });
  }
}
