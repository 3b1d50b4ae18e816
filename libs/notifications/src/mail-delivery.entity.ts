import { Entity, Enum, Index, ManyToOne, Property, Unique, type Opt, type Rel } from '@mikro-orm/core';
import { BaseEntity } from '@mangfold/db';
import { Event } from '@mangfold/calendar';
import { Registration } from '@mangfold/registrations';

export enum MailDeliveryStatus {
  /** Claimed: the message was handed to the mail server in the same instant this row committed. */
  SENDING = 'SENDING',
  /** The mail server accepted it. */
  SENT = 'SENT',
  /** A transient failure (4xx, connection); the job retries with backoff. */
  RETRYING = 'RETRYING',
  /** A permanent failure (5xx, or retries spent); never retried. */
  FAILED = 'FAILED',
}

/**
 * One mail the product sends, keyed by what it is about (`key`, e.g.
 * `reminder:<registration>:<offset>:<start>`): the unique key is what makes a retried, duplicated
 * or stalled job send at most once (see MailSender for the protocol). It is also what operators
 * read: when a mail went out, and why one failed.
 */
@Entity({ tableName: 'mail_delivery' })
@Index({ properties: ['status', 'updatedAt'] })
export class MailDelivery extends BaseEntity {
  @Property({ type: 'string', length: 300 })
  @Unique()
  key!: string;

  /** A Notification kind, `reminder` or `feedback-request`. */
  @Property({ type: 'string', length: 64 })
  kind!: string;

  @Enum({ items: () => MailDeliveryStatus, nativeEnumName: 'mail_delivery_status' })
  status!: MailDeliveryStatus;

  /** Null once the registration it went to is anonymised (a trigger clears it). */
  @Property({ type: 'string', length: 254, nullable: true })
  recipient: string | null = null;

  @Property({ type: 'string', length: 8 })
  locale: Opt<string> = 'da';

  @Property({ type: 'string', length: 300, nullable: true })
  subject: string | null = null;

  @ManyToOne(() => Registration, { nullable: true, deleteRule: 'cascade' })
  @Index()
  registration: Rel<Registration> | null = null;

  @ManyToOne(() => Event, { nullable: true, deleteRule: 'set null' })
  @Index()
  event: Rel<Event> | null = null;

  /** For reminders: minutes before the start. */
  @Property({ type: 'integer', nullable: true })
  offsetMinutes: number | null = null;

  /** The Message-ID header, derived from the key, so a receiver can recognise the same mail. */
  @Property({ type: 'string', length: 200 })
  messageId!: string;

  @Property({ type: 'integer', default: 0 })
  attempts: Opt<number> = 0;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  /** The server's answer to the message, e.g. `250 2.0.0 Ok: queued as 4F2`. */
  @Property({ type: 'string', length: 500, nullable: true })
  response: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  claimedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  sentAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  failedAt: Date | null = null;
}
