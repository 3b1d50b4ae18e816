import { Entity, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';

/**
 * A job waiting to reach BullMQ. Written in the same transaction as the change that implies it,
 * so a commit never loses its jobs even when Redis is down.
 */
@Entity({ tableName: 'outbox_message' })
@Index({
  name: 'outbox_message_pending_idx',
  expression: 'create index "outbox_message_pending_idx" on "outbox_message" ("id") where "dispatched_at" is null',
})
export class OutboxMessage {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'string', length: 64 })
  queue!: string;

  @Property({ type: 'string', length: 64 })
  name!: string;

  /** Deterministic BullMQ job id: a relay retry never creates a second job. */
  @Property({ type: 'string', length: 200 })
  jobId!: string;

  @Property({ type: 'json' })
  payload!: object;

  /** When the job should run; null means now. */
  @Property({ type: 'timestamptz', nullable: true })
  runAt: Date | null = null;

  /** BullMQ deduplication id: while a job with this id is pending, further adds are dropped. */
  @Property({ type: 'string', length: 200, nullable: true })
  dedupeId: string | null = null;

  /** How long (ms) the deduplication holds; with runAt it makes a debounce window. */
  @Property({ type: 'integer', nullable: true })
  dedupeTtlMs: number | null = null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  dispatchedAt: Date | null = null;
}
