import { BigIntType, Entity, Enum, Index, ManyToOne, Property, type Opt, type Rel } from '@mikro-orm/core';
import { BaseEntity } from '@mangfold/db';
import { Event } from '@mangfold/calendar';

export enum RegistrationStatus {
  CONFIRMED = 'CONFIRMED',
  WAITLISTED = 'WAITLISTED',
  CANCELLED = 'CANCELLED',
}

export enum AttendeeRole {
  PROJECT_LEADER = 'PROJECT_LEADER',
  VOLUNTEER = 'VOLUNTEER',
  RESEARCHER = 'RESEARCHER',
  MUNICIPAL_STAFF = 'MUNICIPAL_STAFF',
  RESIDENT = 'RESIDENT',
  OTHER = 'OTHER',
}

export enum CancelledBy {
  REGISTRANT = 'REGISTRANT',
  ORGANIZER = 'ORGANIZER',
  SYSTEM = 'SYSTEM',
}

/**
 * A person's registration for an event. Personal data (name, email, phone, organisation) is
 * anonymised a configurable time after the event; the row and its counts stay for the KPIs.
 * At most one live (not cancelled) registration per email and event: a partial unique index.
 */
@Entity({ tableName: 'registration' })
@Index({ properties: ['event', 'status', 'queuePosition'] })
@Index({
  name: 'registration_event_email_live_unique',
  expression: `create unique index "registration_event_email_live_unique" on "registration" ("event_id", "email") where "status" <> 'CANCELLED' and "email" is not null`,
})
export class Registration extends BaseEntity {
  @ManyToOne(() => Event, { deleteRule: 'cascade' })
  event!: Rel<Event>;

  @Enum({ items: () => RegistrationStatus, nativeEnumName: 'registration_status' })
  status!: RegistrationStatus;

  /** Order of arrival for the waitlist: a database sequence (bigserial), so concurrent api replicas agree. */
  // String mode: a JS bigint would not survive JSON (cursors, job payloads).
  @Property({ type: new BigIntType('string'), autoincrement: true })
  queuePosition!: Opt<string>;

  /** Seats this registration takes (1–10). */
  @Property({ type: 'smallint' })
  partySize!: number;

  @Property({ type: 'string', length: 200, nullable: true })
  name: string | null = null;

  /** Lower-cased; null once anonymised. */
  @Property({ type: 'string', length: 254, nullable: true })
  email: string | null = null;

  @Property({ type: 'string', length: 40, nullable: true })
  phone: string | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  organisation: string | null = null;

  @Enum({ items: () => AttendeeRole, nativeEnumName: 'attendee_role', nullable: true })
  role: AttendeeRole | null = null;

  /** Language of the mails: da or en. */
  @Property({ type: 'string', length: 8 })
  locale: Opt<string> = 'da';

  /** Version of the privacy notice the registrant consented to, and when. */
  @Property({ type: 'string', length: 32 })
  consentVersion!: string;

  @Property({ type: 'timestamptz' })
  consentedAt!: Date;

  /** Bumped to revoke management links (the token is derived from id + this version). */
  @Property({ type: 'integer', default: 0 })
  tokenVersion: Opt<number> = 0;

  @Property({ type: 'timestamptz', nullable: true })
  promotedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null = null;

  @Enum({ items: () => CancelledBy, nativeEnumName: 'cancelled_by', nullable: true })
  cancelledBy: CancelledBy | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  checkedInAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  checkedInBy: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  anonymizedAt: Date | null = null;

  /**
   * SHA-256 of the person's calendar-feed token (never the token itself), so the feed of one
   * person's registrations finds its rows; null once anonymised. See registration-tokens.ts.
   */
  @Property({ type: 'string', length: 64, nullable: true })
  @Index()
  personalFeedKey: string | null = null;
}
