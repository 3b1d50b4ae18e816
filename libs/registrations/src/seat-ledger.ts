import { Injectable } from '@nestjs/common';
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { EventKind, EventStatus } from '@mangfold/calendar';
import { JobName, enqueue } from '@mangfold/jobs';
import { NotFoundError } from '@mangfold/graphql';
import { uuidArray } from '@mangfold/common';
import { InternationalDay } from './international-day.entity';
import { Participation, ParticipationStatus } from './participation.entity';
import { Registration, RegistrationStatus } from './registration.entity';
import { windowOfRow, type RegistrationWindowRow } from './registration-window';
import { pgDate } from './sql-values';
import { partiesToPromote, seatsLeft, type SeatState } from './waitlist-rule';

/** The event row as the registration transaction sees it, locked. */
export interface LockedEvent extends SeatState {
  id: string;
  kind: EventKind;
  status: EventStatus;
  registrationRequired: boolean;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  startsAt: Date;
  endsAt: Date;
  allowWaitlistSkipping: boolean;
}

interface LockedEventRow extends RegistrationWindowRow {
  id: string;
  ends_at: string;
  seats_taken: number;
  waitlist_length: number;
  allow_waitlist_skipping: boolean;
}

/**
 * The two waiting lists: an event's registrations and an International Day's participations. Each
 * lists its waiting entries by `queue_position` within one parent row.
 */
const WAITLIST_POSITIONS = {
  registration: `select id, position from (
       select r.id, row_number() over (partition by r.event_id order by r.queue_position) as position
         from registration r
        where r.status = 'WAITLISTED'
          and r.event_id in (select event_id from registration where id = any(?::uuid[]))
     ) ranked where id = any(?::uuid[])`,
  participation: `select id, position from (
       select p.id, row_number() over (partition by p.international_day_id order by p.queue_position) as position
         from participation p
        where p.status = 'WAITLISTED'
          and p.international_day_id in (select international_day_id from participation where id = any(?::uuid[]))
     ) ranked where id = any(?::uuid[])`,
} as const;

/**
 * The seats of events and the stands of International Day: who holds one, who waits, and in which
 * order. Every change happens under a row lock on the event (or the day) that the caller's
 * transaction takes here first, so concurrent requests on any number of api replicas are
 * serialised per event by PostgreSQL and never overbook. An event's `seatsTaken` and
 * `waitlistLength` counters are kept under that same lock; the rule of who may be promoted is in
 * waitlist-rule.ts.
 */
@Injectable()
export class SeatLedger {
  /** Positions on their waiting list (1 = next in line) of the given ids; null for those not waiting. */
  async waitlistPositions(em: EntityManager, list: keyof typeof WAITLIST_POSITIONS, ids: readonly string[]): Promise<(number | null)[]> {
    const rows: { id: string; position: string }[] = await em.execute(WAITLIST_POSITIONS[list], [uuidArray(ids), uuidArray(ids)]);
    const byId = new Map(rows.map((r) => [r.id, Number(r.position)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** Locks the event's row until the transaction ends and reads what the seat rules need. */
  async lockEvent(em: EntityManager, id: string): Promise<LockedEvent | undefined> {
    const rows: LockedEventRow[] = await em.execute(
      `select e.id, e.kind, e.status, e.capacity, e.registration_required, e.registration_opens_at, e.registration_closes_at,
              e.starts_at, e.ends_at, e.seats_taken, e.waitlist_length, coalesce(s.allow_waitlist_skipping, false) as allow_waitlist_skipping
         from event e left join registration_settings s on s.event_id = e.id
        where e.id = ?
          for update of e`,
      [id],
    );
    const r = rows[0];
    if (!r) return undefined;
    return {
      id: r.id,
      ...windowOfRow(r),
      endsAt: pgDate(r.ends_at),
      seatsTaken: r.seats_taken,
      waitlistLength: r.waitlist_length,
      allowWaitlistSkipping: r.allow_waitlist_skipping,
    };
  }

  /** The counters of a locked event, as a state the caller may change and save. */
  seatState(event: LockedEvent): SeatState {
    return { capacity: event.capacity, seatsTaken: event.seatsTaken, waitlistLength: event.waitlistLength };
  }

  /** Promotes whoever the rule allows, under the caller's lock; changes `state` to match. */
  async promoteRegistrations(em: EntityManager, event: LockedEvent, state: SeatState, now: Date): Promise<Registration[]> {
    if (state.waitlistLength <= 0 || event.status !== EventStatus.PUBLISHED || now >= event.startsAt) return [];
    const left = seatsLeft(state);
    if (left === 0) return [];
    const skipping = event.allowWaitlistSkipping;
    const waiting = await em.find(
      Registration,
      { event: event.id, status: RegistrationStatus.WAITLISTED, ...(skipping && left !== null ? { partySize: { $lte: left } } : {}) },
      // Under the strict rule the first `left` parties are enough: each takes at least one seat.
      { orderBy: { queuePosition: 'asc' }, ...(!skipping && left !== null ? { limit: left } : {}) },
    );
    const chosen = new Set(partiesToPromote(state, waiting, skipping).map((p) => p.id));
    const promoted = waiting.filter((r) => chosen.has(r.id));
    for (const registration of promoted) {
      registration.status = RegistrationStatus.CONFIRMED;
      registration.promotedAt = now;
      state.seatsTaken += registration.partySize;
      state.waitlistLength -= 1;
      enqueue(em, JobName.Notify, { kind: 'registration-promoted', registrationId: registration.id });
    }
    return promoted;
  }

  /** Writes the counters without touching the event's updatedAt: seats are not an edit feeds show. */
  async saveCounters(em: EntityManager, eventId: string, state: SeatState): Promise<void> {
    await em.execute('update event set seats_taken = ?, waitlist_length = ? where id = ?', [
      state.seatsTaken,
      state.waitlistLength,
      eventId,
    ]);
  }

  /** Locks International Day's row until the transaction ends; NOT_FOUND when there is none. */
  async lockDay(em: EntityManager, where: { year: number } | { id: string }): Promise<InternationalDay> {
    const day = await em.findOne(InternationalDay, where, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!day) throw new NotFoundError('year' in where ? `International Day ${where.year}` : 'International Day');
    return day;
  }

  /** Confirmed participations that hold a stand. */
  standsTaken(em: EntityManager, day: InternationalDay): Promise<number> {
    return em.count(Participation, { internationalDay: day.id, status: ParticipationStatus.CONFIRMED, needsStand: true });
  }

  /** Gives free stands to the earliest applications on the waiting list; the caller holds the day's lock. */
  async promoteParticipations(em: EntityManager, day: InternationalDay): Promise<void> {
    const free = day.standCapacity - (await this.standsTaken(em, day));
    if (free <= 0) return;
    const next = await em.find(
      Participation,
      { internationalDay: day.id, status: ParticipationStatus.WAITLISTED },
      { orderBy: { queuePosition: 'asc' }, limit: free },
    );
    for (const participation of next) {
      participation.status = ParticipationStatus.CONFIRMED;
      participation.decidedAt = new Date();
      enqueue(em, JobName.Notify, { kind: 'participation-confirmed', participationId: participation.id });
    }
  }
}
