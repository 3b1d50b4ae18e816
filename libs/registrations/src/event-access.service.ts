import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Role, type AuthUser } from '@mangfold/auth';
import { parseUuid } from '@mangfold/common';
import { ForbiddenError, NotFoundError } from '@mangfold/graphql';

/**
 * Who may see and manage an event's registrations: admins, and members of an association that
 * organises the event (the primary organiser or a co-organiser that accepted).
 */
@Injectable()
export class EventAccess {
  constructor(private readonly em: EntityManager) {}

  /** NOT_FOUND when there is no such event; FORBIDDEN unless the user may manage its registrations. */
  async assertCanManage(user: AuthUser, eventId: string): Promise<string> {
    const id = parseUuid(eventId);
    if (!id) throw new NotFoundError('Event');
    const rows: { organiser: boolean }[] = await this.em.execute(
      `select exists (
         select 1 from event_organizer eo join membership m on m.association_id = eo.association_id
          where eo.event_id = e.id and eo.status = 'ACCEPTED' and m.user_id = ?
       ) as organiser
         from event e where e.id = ?`,
      [user.id, id],
    );
    if (rows.length === 0) throw new NotFoundError('Event');
    if (user.role !== Role.ADMIN && !rows[0].organiser) {
      throw new ForbiddenError('Only the organisers of this event and TFI can manage its registrations');
    }
    return id;
  }
}
