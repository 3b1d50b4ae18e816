import { Entity, Enum, Index, ManyToOne, Property, Unique, type Opt, type Rel } from '@mikro-orm/core';
import { BaseEntity } from '@mangfold/db';
import { Association } from '@mangfold/associations';
import { Event } from './event.entity';

export enum OrganiserRole {
  PRIMARY = 'PRIMARY',
  CO_ORGANIZER = 'CO_ORGANIZER',
}

export enum OrganiserStatus {
  INVITED = 'INVITED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
}

/** An association organising an event: the primary one, or a co-organiser once it accepted. */
@Entity({ tableName: 'event_organizer' })
@Unique({ properties: ['event', 'association'] })
@Index({ properties: ['association', 'status'] })
export class EventOrganiser extends BaseEntity {
  @ManyToOne(() => Event, { deleteRule: 'cascade' })
  event!: Rel<Event>;

  @ManyToOne(() => Association, { deleteRule: 'cascade' })
  association!: Rel<Association>;

  @Enum({ items: () => OrganiserRole, nativeEnumName: 'organizer_role' })
  role: Opt<OrganiserRole> = OrganiserRole.CO_ORGANIZER;

  @Enum({ items: () => OrganiserStatus, nativeEnumName: 'organizer_status' })
  status: Opt<OrganiserStatus> = OrganiserStatus.INVITED;

  @Property({ type: 'timestamptz', nullable: true })
  respondedAt: Date | null = null;
}
