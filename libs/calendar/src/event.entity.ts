import {
  Collection,
  Embeddable,
  Embedded,
  Entity,
  Enum,
  Index,
  ManyToOne,
  OneToMany,
  Property,
  Unique,
  type Opt,
  type Rel,
} from '@mikro-orm/core';
import { BaseEntity, type LocalizedText } from '@mangfold/db';
import { User } from '@mangfold/auth';
import { District, HousingArea } from '@mangfold/associations';
import { Occasion } from './occasion.entity';
import { EventOrganiser } from './event-organiser.entity';
import { EVENT_SEARCH_TEXT_SQL } from './event-search-text';

export enum EventKind {
  CULTURAL_EVENT = 'CULTURAL_EVENT',
  INTERNATIONAL_DAY = 'INTERNATIONAL_DAY',
  SEMINAR = 'SEMINAR',
  NETWORK_MEETING = 'NETWORK_MEETING',
}

export enum EventStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  PUBLISHED = 'PUBLISHED',
  REJECTED = 'REJECTED',
  CANCELLED = 'CANCELLED',
}

@Embeddable()
export class EventLocation {
  @Property({ type: 'string', length: 200, nullable: true })
  name: string | null = null;

  @Property({ type: 'string', length: 300, nullable: true })
  address: string | null = null;

  @Property({ type: 'string', length: 10, nullable: true })
  postalCode: string | null = null;

  @Property({ type: 'string', length: 100, nullable: true })
  city: string | null = null;

  @Property({ type: 'double', nullable: true })
  latitude: number | null = null;

  @Property({ type: 'double', nullable: true })
  longitude: number | null = null;
}

/**
 * One event in the calendar. Instants are UTC; `timeZone` keeps the zone the organiser meant,
 * so local times survive daylight-saving changes and recurrences expand in local time.
 */
@Entity({ tableName: 'event' })
@Index({ properties: ['status', 'startsAt', 'id'] })
@Index({ properties: ['kind', 'startsAt'] })
@Index({ properties: ['district'] })
@Index({ properties: ['housingArea'] })
@Index({ properties: ['occasion'] })
@Index({ properties: ['endsAt'] })
@Index({
  name: 'event_recurring_starts_at_idx',
  expression: 'create index "event_recurring_starts_at_idx" on "event" ("starts_at") where "recurrence" is not null',
})
@Index({
  name: 'event_full_starts_at_idx',
  expression:
    'create index "event_full_starts_at_idx" on "event" ("starts_at") where "capacity" is not null and "seats_taken" >= "capacity"',
})
@Index({
  name: 'event_languages_idx',
  expression: 'create index "event_languages_idx" on "event" using gin ("languages" jsonb_path_ops)',
})
@Index({
  name: 'event_search_trgm_idx',
  expression: `create index "event_search_trgm_idx" on "event" using gin ((${EVENT_SEARCH_TEXT_SQL}) gin_trgm_ops)`,
})
export class Event extends BaseEntity {
  @Property({ type: 'string', length: 120 })
  @Unique()
  slug!: string;

  @Enum({ items: () => EventKind, nativeEnumName: 'event_kind' })
  kind: Opt<EventKind> = EventKind.CULTURAL_EVENT;

  @Enum({ items: () => EventStatus, nativeEnumName: 'event_status' })
  status: Opt<EventStatus> = EventStatus.DRAFT;

  @Property({ type: 'json' })
  title!: LocalizedText;

  @Property({ type: 'json' })
  description: Opt<LocalizedText> = {};

  @Property({ type: 'timestamptz' })
  startsAt!: Date;

  @Property({ type: 'timestamptz' })
  endsAt!: Date;

  /** All-day events span whole local dates: startsAt is local midnight of the first day, endsAt of the day after the last. */
  @Property({ type: 'boolean', default: false })
  allDay: Opt<boolean> = false;

  /** IANA zone, e.g. Europe/Copenhagen. */
  @Property({ type: 'string', length: 64, default: 'Europe/Copenhagen' })
  timeZone: Opt<string> = 'Europe/Copenhagen';

  /** RFC 5545 RRULE value without the "RRULE:" prefix, e.g. "FREQ=WEEKLY;COUNT=10". */
  @Property({ type: 'string', length: 500, nullable: true })
  recurrence: string | null = null;

  /** Start instants of occurrences that do not take place (EXDATE). */
  @Property({ type: 'json' })
  recurrenceExceptions: Opt<string[]> = [];

  /** Last instant any occurrence ends; equals endsAt for a single event, null for an endless series. */
  @Property({ type: 'timestamptz', nullable: true })
  @Index()
  lastEndsAt: Date | null = null;

  @Embedded(() => EventLocation, { prefix: 'location_' })
  location: Opt<EventLocation> = new EventLocation();

  @ManyToOne(() => District, { nullable: true })
  district: Rel<District> | null = null;

  @ManyToOne(() => HousingArea, { nullable: true })
  housingArea: Rel<HousingArea> | null = null;

  @ManyToOne(() => Occasion, { nullable: true })
  occasion: Rel<Occasion> | null = null;

  @OneToMany(() => EventOrganiser, (o) => o.event)
  organisers = new Collection<EventOrganiser>(this);

  /** Seats (or stands) in total; null means unlimited. */
  @Property({ type: 'integer', nullable: true })
  capacity: number | null = null;

  @Property({ type: 'boolean', default: false })
  registrationRequired: Opt<boolean> = false;

  @Property({ type: 'timestamptz', nullable: true })
  registrationOpensAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  registrationClosesAt: Date | null = null;

  /** Seats held by confirmed registrations; kept by the registrations lib under a row lock. */
  @Property({ type: 'integer', default: 0 })
  seatsTaken: Opt<number> = 0;

  /** Waitlisted registrations; kept by the registrations lib under the same lock. */
  @Property({ type: 'integer', default: 0 })
  waitlistLength: Opt<number> = 0;

  /** ISO 639-1 codes of the languages spoken at the event. */
  @Property({ type: 'json' })
  languages: Opt<string[]> = [];

  @Property({ type: 'json' })
  audience: Opt<LocalizedText> = {};

  @Property({ type: 'json' })
  accessibility: Opt<LocalizedText> = {};

  @Property({ type: 'boolean', default: true })
  isFree: Opt<boolean> = true;

  @Property({ type: 'json' })
  priceInfo: Opt<LocalizedText> = {};

  /** Minutes before the start at which registrants are reminded; null uses the default (7 days, 1 day). */
  @Property({ type: 'json', nullable: true })
  reminderOffsetsMinutes: number[] | null = null;

  /** RFC 5545 SEQUENCE: increases on every change a subscriber can see. */
  @Property({ type: 'integer', default: 0 })
  sequence: Opt<number> = 0;

  @Property({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  statusReason: string | null = null;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  createdBy: Rel<User> | null = null;
}
