import type { DefaultJobOptions } from 'bullmq';
import { QueueName } from './job-names';

const base: DefaultJobOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 30 * 24 * 3600, count: 50_000 },
};

/** Retries and retention, set once per queue rather than at every `add`. */
export const QUEUE_DEFAULT_JOB_OPTIONS: { readonly [Q in QueueName]: DefaultJobOptions } = {
  [QueueName.Mail]: { ...base, attempts: 10, backoff: { type: 'exponential', delay: 5_000 } },
  [QueueName.Reminders]: { ...base, attempts: 10, backoff: { type: 'exponential', delay: 5_000 } },
  [QueueName.Feeds]: { ...base, attempts: 5, removeOnComplete: { age: 3600, count: 1_000 } },
  [QueueName.Reports]: { ...base, attempts: 5, backoff: { type: 'exponential', delay: 30_000 } },
  [QueueName.Maintenance]: { ...base, attempts: 3 },
};

/** Concurrency of each queue's worker in one worker process. */
export const QUEUE_CONCURRENCY: { readonly [Q in QueueName]: number } = {
  [QueueName.Mail]: 8,
  [QueueName.Reminders]: 16,
  [QueueName.Feeds]: 2,
  [QueueName.Reports]: 1,
  [QueueName.Maintenance]: 1,
};
