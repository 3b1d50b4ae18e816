import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { parseUuid, uuidArray } from '@mangfold/common';
import { registrationClosedReason, windowOfRow, type RegistrationWindowRow } from './registration-window';
import { seatsLeft } from './waitlist-rule';

export interface RegistrationCounts {
  eventId: string;
  registrationOpen: boolean;
  capacity: number | null;
  seatsLeft: number | null;
  seatsTaken: number;
  confirmed: number;
  confirmedRegistrations: number;
  checkedIn: number;
  waitlistLength: number;
  waitlisted: number;
  cancelled: number;
}

interface CountsRow extends RegistrationWindowRow {
  id: string;
  seats_taken: number;
  waitlist_length: number;
  confirmed_people: string | null;
  confirmed: string;
  checked_in_people: string | null;
  waitlisted_people: string | null;
  cancelled: string;
}

/** Head counts of events' registrations: people and registrations per status, no personal data. */
@Injectable()
export class RegistrationCountsReader {
  constructor(private readonly em: EntityManager) {}

  /** Head counts per event; null for an unknown event. */
  async counts(eventIds: string[]): Promise<(RegistrationCounts | null)[]> {
    const ids = eventIds.map(parseUuid).filter((id): id is string => !!id);
    const rows: CountsRow[] = ids.length
      ? await this.em.execute(
          `select e.id, e.kind, e.status, e.registration_required, e.registration_opens_at, e.registration_closes_at, e.starts_at,
                  e.capacity, e.seats_taken, e.waitlist_length,
                  sum(r.party_size) filter (where r.status = 'CONFIRMED') as confirmed_people,
                  count(r.id) filter (where r.status = 'CONFIRMED') as confirmed,
                  sum(r.party_size) filter (where r.status = 'CONFIRMED' and r.checked_in_at is not null) as checked_in_people,
                  sum(r.party_size) filter (where r.status = 'WAITLISTED') as waitlisted_people,
                  count(r.id) filter (where r.status = 'CANCELLED') as cancelled
             from event e left join registration r on r.event_id = e.id
            where e.id = any(?::uuid[])
            group by e.id`,
          [uuidArray(ids)],
        )
      : [];
    const now = new Date();
    const byId = new Map(rows.map((r): [string, RegistrationCounts] => [r.id, countsOf(r, now)]));
    return eventIds.map((id) => byId.get(parseUuid(id) ?? '') ?? null);
  }
}

function countsOf(r: CountsRow, now: Date): RegistrationCounts {
  return {
    eventId: r.id,
    registrationOpen: registrationClosedReason(windowOfRow(r), now) === null,
    capacity: r.capacity,
    seatsLeft: seatsLeft({ capacity: r.capacity, seatsTaken: r.seats_taken, waitlistLength: r.waitlist_length }),
    seatsTaken: r.seats_taken,
    confirmed: Number(r.confirmed_people ?? 0),
    confirmedRegistrations: Number(r.confirmed),
    checkedIn: Number(r.checked_in_people ?? 0),
    waitlistLength: r.waitlist_length,
    waitlisted: Number(r.waitlisted_people ?? 0),
    cancelled: Number(r.cancelled),
  };
}
