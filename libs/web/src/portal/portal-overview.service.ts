import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { AuthUser } from '@mangfold/auth';
import { Association, AssociationAccess } from '@mangfold/associations';
import { EventOrganizer, EventQueries, EventStatus, OrganizerStatus, type EventRecord } from '@mangfold/calendar';

export interface OverviewAssociation {
  id: string;
  name: string;
  slug: string;
  status: string;
  statusReason: string | null;
}

export interface OverviewInvitation {
  eventId: string;
  eventTitle: EventRecord['title'];
  eventStartsAt: Date;
  timeZone: string;
  associationName: string;
  associationId: string;
}

export interface Overview {
  associations: OverviewAssociation[];
  eventsByStatus: Record<EventStatus, EventRecord[]>;
  invitations: OverviewInvitation[];
}

/** How many of a member's events the overview shows per status before it says there are more. */
export const OVERVIEW_EVENT_LIMIT = 200;

/** What a member sees first: their associations, their events by status, and invitations waiting. */
@Injectable()
export class PortalOverviewService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: AssociationAccess,
    private readonly events: EventQueries,
  ) {}

  async overview(user: AuthUser): Promise<Overview> {
    const ids = await this.access.memberAssociationIds(user.id);
    const [associations, page, invitations] = await Promise.all([
      ids.length ? this.em.find(Association, { id: { $in: ids } }, { orderBy: { name: 'asc' } }) : Promise.resolve([]),
      this.events.listMine(user, {}, OVERVIEW_EVENT_LIMIT, null, false),
      ids.length
        ? this.em.find(
            EventOrganizer,
            { association: { $in: ids }, status: OrganizerStatus.INVITED },
            { populate: ['event', 'association'], orderBy: { event: { startsAt: 'asc' } } },
          )
        : Promise.resolve([]),
    ]);
    const eventsByStatus = Object.fromEntries(Object.values(EventStatus).map((s) => [s, [] as EventRecord[]])) as Record<
      EventStatus,
      EventRecord[]
    >;
    const invitedEventIds = new Set(invitations.map((i) => i.event.id));
    for (const { node } of page.edges) {
      if (!invitedEventIds.has(node.id)) eventsByStatus[node.status as EventStatus].push(node);
    }
    return {
      associations: associations.map((a) => ({ id: a.id, name: a.name, slug: a.slug, status: a.status, statusReason: a.statusReason })),
      eventsByStatus,
      invitations: invitations.map((i) => ({
        eventId: i.event.id,
        eventTitle: i.event.title,
        eventStartsAt: i.event.startsAt,
        timeZone: i.event.timeZone,
        associationName: i.association.name,
        associationId: i.association.id,
      })),
    };
  }
}
