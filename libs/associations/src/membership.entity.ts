import { Entity, Index, ManyToOne, Unique, type Rel } from '@mikro-orm/core';
import { BaseEntity } from '@mangfold/db';
import { User } from '@mangfold/auth';
import { Association } from './association.entity';

/** A user's membership of an association: the right to edit it and its events. */
@Entity({ tableName: 'membership' })
@Unique({ properties: ['user', 'association'] })
export class Membership extends BaseEntity {
  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: Rel<User>;

  @ManyToOne(() => Association, { deleteRule: 'cascade' })
  @Index()
  association!: Rel<Association>;
}
