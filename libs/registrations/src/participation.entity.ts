import { BigIntType, Entity, Enum, Index, ManyToOne, Property, type Opt, type Rel } from '@mikro-orm/core';
import { BaseEntity } from '@mangfold/db';
import { Association, AssociationKind } from '@mangfold/associations';
import { InternationalDay } from './international-day.entity';

export enum ParticipationStatus {
  PENDING = 'PENDING',
  CONFIRMED = 'CONFIRMED',
  WAITLISTED = 'WAITLISTED',
  DECLINED = 'DECLINED',
  CANCELLED = 'CANCELLED',
}

export enum ParticipationActivity {
  STAND = 'STAND',
  PERFORMANCE = 'PERFORMANCE',
  FOOD = 'FOOD',
  WORKSHOP = 'WORKSHOP',
}

/**
 * An association, organisation or embassy taking part in International Day. Registered by one of
 * its members, or by an admin on behalf of an organisation without an account (then `association`
 * is null and the organisation's name and kind are kept here). At most one live (not declined or
 * cancelled) participation per association, or per organisation name, and day: partial unique indexes.
 */
@Entity({ tableName: 'participation' })
@Index({ properties: ['internationalDay', 'status', 'queuePosition'] })
@Index({
  name: 'participation_day_association_live_unique',
  expression: `create unique index "participation_day_association_live_unique" on "participation" ("international_day_id", "association_id") where "status" not in ('DECLINED', 'CANCELLED') and "association_id" is not null`,
})
@Index({
  name: 'participation_day_organisation_live_unique',
  expression: `create unique index "participation_day_organisation_live_unique" on "participation" ("international_day_id", lower("organisation_name")) where "status" not in ('DECLINED', 'CANCELLED') and "organisation_name" is not null`,
})
export class Participation extends BaseEntity {
  @ManyToOne(() => InternationalDay, { deleteRule: 'cascade' })
  internationalDay!: Rel<InternationalDay>;

  @ManyToOne(() => Association, { nullable: true, deleteRule: 'set null' })
  @Index()
  association: Rel<Association> | null = null;

  /** The organisation's name when it has no association row (e.g. an embassy registered by TFI). */
  @Property({ type: 'string', length: 200, nullable: true })
  organisationName: string | null = null;

  /** Kind of the participant, copied from the association or given by the admin; KPIs break down by it. */
  @Enum({ items: () => AssociationKind, nativeEnumName: 'association_kind' })
  participantKind!: AssociationKind;

  @Enum({ items: () => ParticipationStatus, nativeEnumName: 'participation_status' })
  status: Opt<ParticipationStatus> = ParticipationStatus.PENDING;

  // String mode: a JS bigint would not survive JSON (cursors, job payloads).
  @Property({ type: new BigIntType('string'), autoincrement: true })
  queuePosition!: Opt<string>;

  @Enum({ items: () => ParticipationActivity, nativeEnumName: 'participation_activity', array: true })
  activities!: ParticipationActivity[];

  /** Whether it takes one of the limited stands (STAND and FOOD do). */
  @Property({ type: 'boolean' })
  needsStand!: boolean;

  @Property({ type: 'smallint' })
  representatives!: number;

  @Property({ type: 'smallint', default: 0 })
  tables: Opt<number> = 0;

  @Property({ type: 'boolean', default: false })
  needsPower: Opt<boolean> = false;

  @Property({ type: 'smallint', nullable: true })
  performanceMinutes: number | null = null;

  /** Required when serving FOOD: the participant confirms the food-hygiene rules. */
  @Property({ type: 'boolean', default: false })
  foodHygieneConfirmed: Opt<boolean> = false;

  @Property({ type: 'text', nullable: true })
  notes: string | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  contactName: string | null = null;

  @Property({ type: 'string', length: 254, nullable: true })
  contactEmail: string | null = null;

  @Property({ type: 'string', length: 40, nullable: true })
  contactPhone: string | null = null;

  @Property({ type: 'text', nullable: true })
  statusReason: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  decidedBy: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  registeredBy: string | null = null;
}
