import { Entity, Enum, Index, ManyToOne, Property, Unique, type Opt, type Rel } from '@mikro-orm/core';
import { BaseEntity } from '@mangfold/db';
import { Association } from '@mangfold/associations';
import { Event } from './event.entity';

export enum OrganizerRole {
  PRIMARY = 'PRIMARY',
  CO_ORGANIZER = 'CO_ORGANIZER',
}

export enum OrganizerStatus {
  INVITED = 'INVITED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
}

/** An association organising an event: the primary one, or a co-organiser once it accepted. */
@Entity({ tableName: 'event_organizer' })
@Unique({ properties: ['event', 'association'] })
@Index({ properties: ['association', 'status'] })
export class EventOrganizer extends BaseEntity {
  @ManyToOne(() => Event, { deleteRule: 'cascade' })
  event!: Rel<Event>;

  @ManyToOne(() => Association, { deleteRule: 'cascade' })
  association!: Rel<Association>;

  @Enum({ items: () => OrganizerRole, nativeEnumName: 'organizer_role' })
  role: Opt<OrganizerRole> = OrganizerRole.CO_ORGANIZER;

  @Enum({ items: () => OrganizerStatus, nativeEnumName: 'organizer_status' })
  status: Opt<OrganizerStatus> = OrganizerStatus.INVITED;

  @Property({ type: 'timestamptz', nullable: true })
  respondedAt: Date | null = null;
}
