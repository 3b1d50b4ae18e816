import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { AuthUser } from '@mangfold/auth';
import { Association, AssociationAccess } from '@mangfold/associations';
import { EventOrganiser, EventQueries, EventStatus, OrganiserStatus, type EventRecord } from '@mangfold/calendar';
import { ParticipationDirectory, type ParticipationStatus } from '@mangfold/registrations';

export interface OverviewAssociation {
  id: string;
  name: string;
  slug: string;
  status: string;
  statusReason: string | null;
  /** Its latest sign-up for the coming International Day; null when it has none. */
  internationalDay: ParticipationStatus | null;
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
  /** The year of the International Day associations sign up for now; null when none is planned. */
  internationalDayYear: number | null;
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
    private readonly participations: ParticipationDirectory,
  ) {}

  async overview(user: AuthUser): Promise<Overview> {
    const ids = await this.access.memberAssociationIds(user.id);
    const [associations, page, invitations, day] = await Promise.all([
      ids.length ? this.em.find(Association, { id: { $in: ids } }, { orderBy: { name: 'asc' } }) : Promise.resolve([]),
      this.events.listMine(user, {}, OVERVIEW_EVENT_LIMIT, null, false),
      ids.length
        ? this.em.find(
            EventOrganiser,
            { association: { $in: ids }, status: OrganiserStatus.INVITED },
            { populate: ['event', 'association'], orderBy: { event: { startsAt: 'asc' } } },
          )
        : Promise.resolve([]),
      this.participations.upcoming(),
    ]);
    const signedUp = day ? await this.participations.statusByAssociation(day.id, ids) : new Map<string, ParticipationStatus>();
    const eventsByStatus = Object.fromEntries(Object.values(EventStatus).map((s) => [s, [] as EventRecord[]])) as Record<
      EventStatus,
      EventRecord[]
    >;
    const invitedEventIds = new Set(invitations.map((i) => i.event.id));
    for (const { node } of page.edges) {
      if (!invitedEventIds.has(node.id)) eventsByStatus[node.status as EventStatus].push(node);
    }
    return {
      associations: associations.map((a) => ({
        id: a.id,
        name: a.name,
        slug: a.slug,
        status: a.status,
        statusReason: a.statusReason,
        internationalDay: signedUp.get(a.id) ?? null,
      })),
      internationalDayYear: day?.year ?? null,
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
