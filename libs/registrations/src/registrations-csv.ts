import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { AuthUser } from '@mangfold/auth';
import { Event } from '@mangfold/calendar';
import { csvRow } from '@mangfold/common';
import { BadUserInputError } from '@mangfold/graphql';
import { EventAccess } from './event-access.service';
import { Registration, RegistrationStatus } from './registration.entity';

const PAGE = 500;
const HEADER = [
  'position',
  'status',
  'name',
  'email',
  'phone',
  'organisation',
  'role',
  'party_size',
  'language',
  'registered_at',
  'promoted_at',
  'checked_in_at',
  'cancelled_at',
];

/** An event's registrations as CSV, for its organisers and admins: checked first, then read lazily. */
export interface RegistrationsCsvExport {
  fileName: string;
  /** The header, then a line per registration in arrival order; every cell is CSV-injection safe. */
  lines: AsyncIterable<string>;
}

@Injectable()
export class RegistrationsCsv {
  constructor(
    private readonly em: EntityManager,
    private readonly access: EventAccess,
  ) {}

  /** Refuses (FORBIDDEN, NOT_FOUND, BAD_USER_INPUT) before anything is read, so the caller can still answer with an error. */
  async open(user: AuthUser, eventId: string, status: string | undefined): Promise<RegistrationsCsvExport> {
    const id = await this.access.assertCanManage(user, eventId);
    if (status !== undefined && !Object.values(RegistrationStatus).includes(status as RegistrationStatus)) {
      throw BadUserInputError.field('status', `must be one of ${Object.values(RegistrationStatus).join(', ')}`);
    }
    const event = await this.em.findOneOrFail(Event, id, { fields: ['slug'] });
    return { fileName: `registrations-${event.slug}.csv`, lines: this.lines(id, status as RegistrationStatus | undefined) };
  }

  /** Keyset pages, so a long list streams in constant memory. */
  private async *lines(eventId: string, status: RegistrationStatus | undefined): AsyncIterable<string> {
    yield csvRow(HEADER);
    let after = '0';
    let waitlisted = 0;
    for (;;) {
      const rows = await this.em.find(
        Registration,
        { event: eventId, queuePosition: { $gt: after }, ...(status ? { status } : {}) },
        { orderBy: { queuePosition: 'asc' }, limit: PAGE },
      );
      for (const r of rows) {
        const position = r.status === RegistrationStatus.WAITLISTED ? ++waitlisted : null;
        yield csvRow([
          position,
          r.status,
          r.name,
          r.email,
          r.phone,
          r.organisation,
          r.role,
          r.partySize,
          r.locale,
          r.createdAt,
          r.promotedAt,
          r.checkedInAt,
          r.cancelledAt,
        ]);
      }
      if (rows.length < PAGE) return;
      after = rows[rows.length - 1].queuePosition;
      this.em.clear();
    }
  }
}
