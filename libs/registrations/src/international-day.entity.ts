import { Entity, OneToOne, Property, Unique, type Opt, type Rel } from '@mikro-orm/core';
import { BaseEntity, type LocalizedText } from '@mangfold/db';
import { Event } from '@mangfold/calendar';

/** The yearly International Day: its event, its stands and its registration window. */
@Entity({ tableName: 'international_day' })
export class InternationalDay extends BaseEntity {
  @Property({ type: 'smallint' })
  @Unique()
  year!: number;

  @OneToOne(() => Event, { owner: true, unique: true, deleteRule: 'restrict' })
  event!: Rel<Event>;

  /** Stands available; confirmed participations that need a stand never exceed it. */
  @Property({ type: 'integer' })
  standCapacity!: number;

  @Property({ type: 'timestamptz' })
  registrationOpensAt!: Date;

  @Property({ type: 'timestamptz' })
  registrationClosesAt!: Date;

  /** Practical information for participants (arrival, set-up, electricity, …). */
  @Property({ type: 'json' })
  practicalInfo: Opt<LocalizedText> = {};
}
