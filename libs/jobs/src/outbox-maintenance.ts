import { Injectable, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Queue } from 'bullmq';
import { JobName, QueueName } from './job-names';
import { JobHandlers } from './job-handlers';
import { scheduleWhenRedisAnswers } from './job-schedulers';

/** Dispatched outbox rows are kept a week for tracing, then pruned nightly. */
@Injectable()
export class OutboxMaintenance implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    private readonly handlers: JobHandlers,
    private readonly em: EntityManager,
    @InjectQueue(QueueName.Maintenance) private readonly queue: Queue,
  ) {}

  onModuleInit(): void {
    this.handlers.register(JobName.PruneOutbox, ({ olderThanDays }) => this.prune(olderThanDays));
  }

  onApplicationBootstrap(): void {
    // Idempotent, so every worker replica does it at start; retried if Redis is not up yet.
    scheduleWhenRedisAnswers(
      this.queue,
      'prune-outbox-nightly',
      { pattern: '30 3 * * *', tz: 'Europe/Copenhagen' },
      { name: JobName.PruneOutbox, data: { olderThanDays: 7 } },
    );
  }

  async prune(olderThanDays: number): Promise<{ deleted: number }> {
    const result = await this.em
      .getConnection()
      .execute<{ affectedRows: number }>(
        `delete from outbox_message where dispatched_at < now() - make_interval(days => ?)`,
        [olderThanDays],
        'run',
      );
    return { deleted: result.affectedRows };
  }
}
