import { Entity, OneToOne, Property, type Opt, type Rel } from '@mikro-orm/core';
import { BaseEntity } from '@mangfold/db';
import { Event } from '@mangfold/calendar';

/**
 * How an event's waiting list behaves, set by its organisers. Kept beside the event rather than on
 * it so the calendar's event row stays the calendar's; an event without a row uses the defaults.
 */
@Entity({ tableName: 'registration_settings' })
export class RegistrationSettings extends BaseEntity {
  @OneToOne(() => Event, { owner: true, unique: true, deleteRule: 'cascade' })
  event!: Rel<Event>;

  /**
   * Strict first-come-first-served (false, the default): when seats free up, waiting parties are
   * promoted in arrival order and promotion stops at the first party that does not fit. True: a
   * later, smaller party that fits may go ahead of an earlier one that does not.
   */
  @Property({ type: 'boolean', default: false })
  allowWaitlistSkipping: Opt<boolean> = false;
}
