import { Entity, Index, ManyToOne, Property, type Opt, type Rel } from '@mikro-orm/core';
import { BaseEntity } from '@mangfold/db';
import { User } from '@mangfold/auth';
import { Association } from '@mangfold/associations';

/**
 * A project-bank visit: TFI visits a project (an association of kind PROJECT). The notes are
 * TFI's own and never leave the admin API; the good practice found is published on the project's
 * page once TFI publishes it.
 */
@Entity({ tableName: 'project_visit' })
@Index({ properties: ['visitedOn'] })
export class ProjectVisit extends BaseEntity {
  @ManyToOne(() => Association, { deleteRule: 'cascade' })
  @Index()
  project!: Rel<Association>;

  /** A local date (YYYY-MM-DD); a visit later than today is planned. */
  @Property({ type: 'date' })
  visitedOn!: string;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  visitor: Rel<User> | null = null;

  /** Internal notes: admins only. */
  @Property({ type: 'text', nullable: true })
  notes: string | null = null;

  /** Good practice found: public once published. */
  @Property({ type: 'json', nullable: true })
  goodPractice: { da?: string; en?: string } | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  findingsPublishedAt: Date | null = null;

  /** The project is in one of the work plan's five housing areas. */
  @Property({ type: 'boolean', default: false })
  inFocusHousingArea: Opt<boolean> = false;

  @Property({ type: 'boolean', default: false })
  onSafety: Opt<boolean> = false;

  @Property({ type: 'boolean', default: false })
  onEmployment: Opt<boolean> = false;
}
