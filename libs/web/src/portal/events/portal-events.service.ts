import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Role, type AuthUser } from '@mangfold/auth';
import { Association, AssociationAccess, AssociationStatus } from '@mangfold/associations';
import { type Event, EventOrganiser, EventQueries, OrganiserStatus } from '@mangfold/calendar';
import type { Choice } from '../portal-reference.service';
import type { OrganiserView } from './event-detail.page';

export interface PortalEvent {
  event: Event;
  organisers: OrganiserView[];
  canEdit: boolean;
  invitedAs: OrganiserView[];
}

/** What the portal's event pages read: an event the viewer may see, its organisers and the choices of its forms. */
@Injectable()
export class PortalEventsService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: AssociationAccess,
    private readonly queries: EventQueries,
  ) {}

  /** The event, or null when it does not exist or is not the viewer's to see (they get a 404). */
  async load(user: AuthUser, id: string): Promise<PortalEvent | null> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
    const event = await this.queries.findVisible(user, { id });
    if (!event) return null;
    const [rows, mine] = await Promise.all([
      this.em.find(EventOrganiser, { event: event.id }, { populate: ['association'], orderBy: { role: 'desc', createdAt: 'asc' } }),
      this.access.memberAssociationIds(user.id),
    ]);
    const organisers = rows.map((o) => ({ associationId: o.association.id, name: o.association.name, role: o.role, status: o.status }));
    const isAdmin = user.role === Role.ADMIN;
    return {
      event,
      organisers,
      canEdit: isAdmin || organisers.some((o) => o.status === OrganiserStatus.ACCEPTED && mine.includes(o.associationId)),
      invitedAs: organisers.filter((o) => o.status === OrganiserStatus.INVITED && mine.includes(o.associationId)),
    };
  }

  /** The associations the viewer may create events for: their own, or any approved one for TFI. */
  async associationChoices(user: AuthUser): Promise<Choice[]> {
    const where =
      user.role === Role.ADMIN ? { status: AssociationStatus.APPROVED } : { id: { $in: await this.access.memberAssociationIds(user.id) } };
    const rows = await this.em.find(Association, where, { fields: ['id', 'name'], orderBy: { name: 'asc' } });
    return rows.map((a) => ({ value: a.id, label: a.name }));
  }

  /** Approved associations not yet organising the event, by name: whom it can invite. */
  async inviteChoices(event: PortalEvent): Promise<Choice[]> {
    const taken = event.organisers.map((o) => o.associationId);
    const rows = await this.em.find(
      Association,
      { status: AssociationStatus.APPROVED, id: { $nin: taken } },
      { fields: ['id', 'name'], orderBy: { name: 'asc' } },
    );
    return rows.map((a) => ({ value: a.id, label: a.name }));
  }
}
