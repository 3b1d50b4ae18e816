import { Entity, Index, ManyToOne, Property, Unique, type Rel } from '@mikro-orm/core';
import { BaseEntity } from '@mangfold/db';
import { Occasion } from './occasion.entity';

/** When an occasion falls in a given year (inclusive local dates, Europe/Copenhagen). */
@Entity({ tableName: 'occasion_date' })
@Unique({ properties: ['occasion', 'year'] })
@Index({ properties: ['year'] })
export class OccasionDate extends BaseEntity {
  @ManyToOne(() => Occasion, { deleteRule: 'cascade' })
  occasion!: Rel<Occasion>;

  @Property({ type: 'smallint' })
  year!: number;

  /** ISO date, e.g. "2026-03-20". */
  @Property({ type: 'date' })
  startsOn!: string;

  @Property({ type: 'date' })
  endsOn!: string;
}
