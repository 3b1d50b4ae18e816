/*
 * Queue and job names are persistent identifiers: they are stored in Redis with every queued job
 * and in the outbox table. Renaming one strands the jobs already queued under the old name, so add
 * a new name and keep the old one until its queue has drained.
 */

export enum QueueName {
  Mail = 'mail',
  Reminders = 'reminders',
  Feeds = 'feeds',
  Reports = 'reports',
  Maintenance = 'maintenance',
}

export enum JobName {
  PruneOutbox = 'prune-outbox',
}

/** The payload each job carries; producers and processors share this one map. */
export interface JobPayloads {
  [JobName.PruneOutbox]: { olderThanDays: number };
}

/** Which queue each job runs on. */
export const JOB_QUEUE: { readonly [N in JobName]: QueueName } = {
  [JobName.PruneOutbox]: QueueName.Maintenance,
};

export type JobPayload<N extends JobName> = JobPayloads[N];
