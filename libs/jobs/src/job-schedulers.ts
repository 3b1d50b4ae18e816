import { Logger } from '@nestjs/common';
import type { Queue, RepeatOptions } from 'bullmq';
import type { JobName, JobPayloads } from './job-names';

const logger = new Logger('JobSchedulers');

/**
 * Upserts a BullMQ job scheduler (idempotent: one schedule however many workers start), retrying
 * in the background while Redis is unreachable so a worker can start before Redis does.
 */
export function scheduleWhenRedisAnswers<N extends JobName>(
  queue: Queue,
  schedulerId: string,
  repeat: Omit<RepeatOptions, 'key'>,
  template: { name: N; data: JobPayloads[N] },
  retryMs = 5_000,
): void {
  const attempt = (): void => {
    queue.upsertJobScheduler(schedulerId, repeat, template).then(
      () => undefined,
      (error: Error) => {
        logger.warn(`cannot schedule ${schedulerId} yet (${error.message}); retrying`);
        setTimeout(attempt, retryMs).unref();
      },
    );
  };
  attempt();
}
