import { Collection, Entity, OneToMany, Property, Unique, type Opt } from '@mikro-orm/core';
import { BaseEntity, type LocalizedText } from '@mangfold/db';
import { OccasionDate } from './occasion-date.entity';

/**
 * A cultural, religious or national occasion that events mark (Eid al-Fitr, Diwali, Nowruz, …).
 * Lunar holidays move, so its dates are data per year that admins maintain, never computed.
 */
@Entity({ tableName: 'occasion' })
export class Occasion extends BaseEntity {
  @Property({ type: 'string', length: 80 })
  @Unique()
  slug!: string;

  @Property({ type: 'json' })
  name!: LocalizedText;

  @Property({ type: 'json' })
  description: Opt<LocalizedText> = {};

  /** The tradition it belongs to, e.g. "islamic", "hindu", "persian", "international". */
  @Property({ type: 'string', length: 80, nullable: true })
  tradition: string | null = null;

  @OneToMany(() => OccasionDate, (d) => d.occasion, { orphanRemoval: true })
  dates = new Collection<OccasionDate>(this);
}
