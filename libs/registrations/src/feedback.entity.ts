import { Entity, Index, ManyToOne, OneToOne, Property, type Rel } from '@mikro-orm/core';
import { BaseEntity } from '@mangfold/db';
import { Event } from '@mangfold/calendar';
import { Registration } from './registration.entity';

/** A satisfaction answer after an event, once per registration; feeds the satisfaction KPI. */
@Entity({ tableName: 'feedback' })
export class Feedback extends BaseEntity {
  @OneToOne(() => Registration, { owner: true, unique: true, deleteRule: 'cascade' })
  registration!: Rel<Registration>;

  /** Denormalised from the registration so KPIs aggregate without a join. */
  @ManyToOne(() => Event, { deleteRule: 'cascade' })
  @Index()
  event!: Rel<Event>;

  @Property({ type: 'boolean' })
  satisfied!: boolean;

  /** 1–5. */
  @Property({ type: 'smallint', nullable: true })
  score: number | null = null;

  @Property({ type: 'text', nullable: true })
  comment: string | null = null;
}
