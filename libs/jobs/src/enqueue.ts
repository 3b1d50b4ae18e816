import type { EntityManager } from '@mikro-orm/core';
import { JOB_QUEUE, type JobName, type JobPayloads } from './job-names';
import { OutboxMessage } from './outbox-message.entity';

export interface EnqueueOptions {
  /**
   * A deterministic job id: while a job with this id exists, adding it again is a no-op.
   * Without one the outbox row's id is used, so a relay retry never duplicates the job.
   * BullMQ forbids ':' in custom ids.
   */
  jobId?: string;
  /** Run no earlier than this. */
  runAt?: Date;
  /**
   * Debounce: while a job with this id is pending (at most `windowMs`), further jobs with the same id
   * are dropped; with `runAt` a window later, one job runs for a burst of changes.
   */
  dedupe?: { id: string; windowMs: number };
}

/**
 * Records a job in the outbox of the caller's unit of work. It reaches BullMQ only after the
 * transaction commits, and is never lost if Redis is down at that moment.
 */
export function enqueue<N extends JobName>(em: EntityManager, name: N, data: JobPayloads[N], options: EnqueueOptions = {}): OutboxMessage {
  if (options.jobId?.includes(':')) throw new Error(`job id "${options.jobId}" must not contain ':'`);
  const message = new OutboxMessage();
  message.queue = JOB_QUEUE[name];
  message.name = name;
  message.jobId = options.jobId ?? '';
  message.payload = data;
  message.runAt = options.runAt ?? null;
  message.dedupeId = options.dedupe?.id ?? null;
  message.dedupeTtlMs = options.dedupe?.windowMs ?? null;
  em.persist(message);
  return message;
}

/**
 * The outbox row of a job as SQL, for a caller that has to write it inside a raw statement of its
 * own (a data-modifying CTE, to save a round trip under a lock): `insert … select … from <source>`
 * writes one row per row of `source`, none when it is empty. The row is the one `enqueue` writes;
 * the columns not named take their defaults.
 */
export function outboxInsert<N extends JobName>(name: N, data: JobPayloads[N], source: string): { sql: string; params: unknown[] } {
  if (!/^[a-z_][a-z0-9_]*$/.test(source)) throw new Error(`outbox source "${source}" must be the name of a table or CTE`);
  return {
    sql: `insert into outbox_message (queue, name, job_id, payload) select ?, ?, '', ?::jsonb from ${source}`,
    params: [JOB_QUEUE[name], name, JSON.stringify(data)],
  };
}
