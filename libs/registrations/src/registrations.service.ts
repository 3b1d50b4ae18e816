import { Injectable } from '@nestjs/common';
import { EntityManager, UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { InjectConfig, type AppConfig } from '@mangfold/config';
import { Event, EventKind, EventStatus } from '@mangfold/calendar';
import { JOB_QUEUE, JobName, OutboxRelay, enqueue, type Notification } from '@mangfold/jobs';
import type { AuthUser } from '@mangfold/auth';
import { escapeLike, parseUuid, uuidArray, type Language } from '@mangfold/common';
import {
  BadUserInputError,
  ConflictError,
  NotFoundError,
  decodeCursor,
  toConnection,
  type Connection,
  type LoaderFactory,
} from '@mangfold/graphql';
import { EventAccess } from './event-access.service';
import { Feedback } from './feedback.entity';
import type { AttendeeInput } from './inputs/attendee.input';
import type { FeedbackInput } from './inputs/feedback.input';
import type { RegistrationFilter } from './inputs/event-registrations.args';
import { PRIVACY_NOTICE_VERSION } from './privacy-notice';
import { CancelledBy, Registration, RegistrationStatus } from './registration.entity';
import { RegistrationSettings } from './registration-settings.entity';
import { calendarToken, isCalendarTokenShaped, personalFeedKey, registrationIdOf, verifyRegistrationToken } from './registration-tokens';
import { pgDate } from './sql-values';
import { admitsNewcomer, partiesToPromote, seatsLeft, type SeatState } from './waitlist-rule';

/** The event row as the registration transaction sees it, locked. */
interface LockedEvent extends SeatState {
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

interface LockedEventRow {
  id: string;
  kind: EventKind;
  status: EventStatus;
  capacity: number | null;
  registration_required: boolean;
  registration_opens_at: string | null;
  registration_closes_at: string | null;
  starts_at: string;
  ends_at: string;
  seats_taken: number;
  waitlist_length: number;
  allow_waitlist_skipping: boolean;
}

export interface RegisterResult {
  registration: Registration;
  /** False when the email already had a live registration for the event, which is returned instead. */
  created: boolean;
  waitlistPosition: number | null;
}

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

/** One entry of a person's calendar feed. */
export interface PersonalFeedEntry {
  registrationId: string;
  eventId: string;
  status: RegistrationStatus.CONFIRMED | RegistrationStatus.WAITLISTED;
}

/** What decides whether an event takes registrations now. */
export interface RegistrationWindow {
  kind: EventKind;
  status: EventStatus;
  capacity: number | null;
  registrationRequired: boolean;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  startsAt: Date;
}

/**
 * Why a published event does not take registrations now, or null when it does. Registration is
 * for events that require it or have a capacity; it opens at registrationOpensAt (or at once) and
 * closes at registrationClosesAt, and at the latest when the event starts.
 */
export function registrationClosedReason(event: RegistrationWindow, now: Date): string | null {
  if (event.status === EventStatus.CANCELLED) return 'the event is cancelled';
  if (event.status !== EventStatus.PUBLISHED) return 'the event is not published';
  if (event.kind === EventKind.INTERNATIONAL_DAY) {
    return 'International Day takes participants through registerForInternationalDay; visitors just come';
  }
  if (!event.registrationRequired && event.capacity === null) return 'this event takes no registrations; everyone is welcome';
  if (now >= event.startsAt) return 'registration is closed: the event has started';
  if (event.registrationOpensAt && now < event.registrationOpensAt) {
    return `registration is not open yet; it opens at ${event.registrationOpensAt.toISOString()}`;
  }
  if (event.registrationClosesAt && now >= event.registrationClosesAt) {
    return `registration is closed; it closed at ${event.registrationClosesAt.toISOString()}`;
  }
  return null;
}

/**
 * A new registration, the event's counters and the outbox row of its mail in one statement (see
 * `register`). Columns as in the Registration and OutboxMessage entities; token_version,
 * queue_position and the timestamps take their defaults.
 */
const INSERT_REGISTRATION = `
  with inserted as (
    insert into registration (id, event_id, status, party_size, name, email, phone, organisation, role, locale,
                              consent_version, consented_at, personal_feed_key)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    on conflict (event_id, email) where status <> 'CANCELLED' and email is not null do nothing
    returning queue_position, created_at
  ), counters as (
    update event set seats_taken = ?, waitlist_length = ? where id = ? and exists (select 1 from inserted)
  ), outbox as (
    insert into outbox_message (queue, name, job_id, payload) select ?, ?, '', ?::jsonb from inserted
  )
  select queue_position, created_at from inserted`;

/** Repeated registrations re-send the mail with the link at most this often per registration. */
const RESEND_WINDOW_MS = 15 * 60_000;
/** Organisers check people in from this long before the start. */
const CHECK_IN_OPENS_BEFORE_MS = 24 * 3600_000;

/**
 * Registrations with limited seats. Every change to an event's registrations happens in one
 * transaction that first locks the event row (`select … for update`), so concurrent requests on
 * any number of api replicas are serialised per event by PostgreSQL and never overbook; the
 * event's `seatsTaken` and `waitlistLength` counters are kept under that same lock. The waiting-
 * list rule itself is in waitlist-rule.ts.
 */
@Injectable()
export class RegistrationsService {
  /** Positions of waitlisted registrations (1 = next in line), null for the others. */
  readonly waitlistPositions: LoaderFactory<string, number | null> = () =>
    new DataLoader<string, number | null>(async (ids) => {
      const rows: { id: string; position: string }[] = await this.em.execute(
        `select id, position from (
           select r.id, row_number() over (partition by r.event_id order by r.queue_position) as position
             from registration r
            where r.status = 'WAITLISTED'
              and r.event_id in (select event_id from registration where id = any(?::uuid[]))
         ) ranked where id = any(?::uuid[])`,
        [uuidArray(ids), uuidArray(ids)],
      );
      const byId = new Map(rows.map((r) => [r.id, Number(r.position)]));
      return ids.map((id) => byId.get(id) ?? null);
    });

  readonly countsByEvent: LoaderFactory<string, RegistrationCounts | null> = () =>
    new DataLoader<string, RegistrationCounts | null>((ids) => this.counts([...ids]));

  readonly feedbackByRegistration: LoaderFactory<string, Feedback | null> = () =>
    new DataLoader<string, Feedback | null>(async (ids) => {
      const rows = await this.em.find(Feedback, { registration: { $in: [...ids] } });
      const byId = new Map(rows.map((f) => [f.registration.id, f]));
      return ids.map((id) => byId.get(id) ?? null);
    });

  readonly settingsByEvent: LoaderFactory<string, boolean> = () =>
    new DataLoader<string, boolean>(async (ids) => {
      const rows = await this.em.find(RegistrationSettings, { event: { $in: [...ids] } });
      const byId = new Map(rows.map((s) => [s.event.id, s.allowWaitlistSkipping]));
      return ids.map((id) => byId.get(id) ?? false);
    });

  constructor(
    private readonly em: EntityManager,
    private readonly access: EventAccess,
    private readonly relay: OutboxRelay,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /**
   * Registers a person (and party) for a published event: a confirmed seat when the party fits
   * and nobody waits ahead of it, else the end of the waiting list. The same email twice for one
   * event returns the existing registration (and re-sends its mail) instead of a second one.
   */
  async register(eventId: string, input: AttendeeInput, language: Language): Promise<RegisterResult> {
    const id = parseUuid(eventId);
    if (!id) throw new NotFoundError('Event');
    const email = input.email.trim().toLowerCase();
    const result = await this.em.transactional(async (em): Promise<RegisterResult> => {
      const event = await this.lockEvent(em, id);
      if (!event || (event.status !== EventStatus.PUBLISHED && event.status !== EventStatus.CANCELLED)) throw new NotFoundError('Event');
      const now = new Date();
      this.assertOpenForRegistration(event, now);

      const state: SeatState = { capacity: event.capacity, seatsTaken: event.seatsTaken, waitlistLength: event.waitlistLength };
      // Normally a no-op: seats are never left free while someone who fits waits. It catches up
      // after a capacity rise whose promotion job has not run yet, so a newcomer cannot jump the queue.
      const promoted = await this.promoteLocked(em, event, state, now);
      const confirmed = admitsNewcomer(state, input.partySize, event.allowWaitlistSkipping);
      const registration = em.create(
        Registration,
        {
          event: em.getReference(Event, id),
          status: confirmed ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAITLISTED,
          partySize: input.partySize,
          name: input.name.trim(),
          email,
          phone: input.phone ?? null,
          organisation: input.organisation ?? null,
          role: input.role ?? null,
          locale: language,
          consentVersion: PRIVACY_NOTICE_VERSION,
          consentedAt: now,
          personalFeedKey: personalFeedKey(calendarToken(this.config, email)),
        },
        { persist: false },
      );
      const after: SeatState = confirmed
        ? { ...state, seatsTaken: state.seatsTaken + input.partySize }
        : { ...state, waitlistLength: state.waitlistLength + 1 };

      // The lock is held from here to the commit, so this is one statement: the insert (which the
      // partial unique index turns into nothing when the email already has a live registration),
      // and only when it happened, the counters and the mail's outbox row. That row is the one
      // enqueue() would write; writing it here saves a round trip under the lock, which is what
      // bounds how fast one popular event fills (register-contended in BENCHMARKS.md).
      const notification: Notification = {
        kind: confirmed ? 'registration-confirmed' : 'registration-waitlisted',
        registrationId: registration.id,
      };
      const inserted: { queue_position: string; created_at: string }[] = await em.execute(INSERT_REGISTRATION, [
        registration.id,
        id,
        registration.status,
        registration.partySize,
        registration.name,
        registration.email,
        registration.phone,
        registration.organisation,
        registration.role,
        registration.locale,
        registration.consentVersion,
        registration.consentedAt,
        registration.personalFeedKey,
        after.seatsTaken,
        after.waitlistLength,
        id,
        JOB_QUEUE[JobName.Notify],
        JobName.Notify,
        JSON.stringify(notification),
      ]);

      if (inserted.length === 0) {
        if (promoted.length > 0) await this.saveCounters(em, id, state);
        // The lock is held, so the registration in the way is committed and visible to this read.
        const existing = await em.findOneOrFail(Registration, { event: id, email, status: { $ne: RegistrationStatus.CANCELLED } });
        const kind = existing.status === RegistrationStatus.CONFIRMED ? 'registration-confirmed' : 'registration-waitlisted';
        enqueue(
          em,
          JobName.Notify,
          { kind, registrationId: existing.id },
          { dedupe: { id: `resend-${existing.id}`, windowMs: RESEND_WINDOW_MS } },
        );
        return { registration: existing, created: false, waitlistPosition: null };
      }
      registration.queuePosition = String(inserted[0].queue_position);
      registration.createdAt = pgDate(inserted[0].created_at);
      registration.updatedAt = registration.createdAt;
      return { registration, created: true, waitlistPosition: confirmed ? null : after.waitlistLength };
    });
    // The relay learns of ORM-flushed outbox rows by itself; this one it is told about.
    if (result.created) this.relay.kick();
    return result;
  }

  /** The registration a management token opens; NOT_FOUND for a wrong, revoked or expired one. */
  async findByToken(token: string): Promise<Registration> {
    const id = registrationIdOf(token);
    const registration = id ? await this.em.findOne(Registration, id) : null;
    // One answer for every failure, so a token reveals nothing about which events exist.
    if (!registration || registration.anonymizedAt || !verifyRegistrationToken(this.config, token, registration)) {
      throw new NotFoundError('Registration');
    }
    return registration;
  }

  /**
   * Cancels by the registrant's token: frees the seats and, in the same transaction, promotes
   * waiting parties as the waiting-list rule says. Cancelling twice returns the cancelled registration.
   */
  async cancelByToken(token: string): Promise<Registration> {
    const found = await this.findByToken(token);
    return this.em.transactional(async (em) => {
      const event = await this.lockEvent(em, found.event.id);
      if (!event) throw new NotFoundError('Registration');
      const registration = await em.findOneOrFail(Registration, found.id, { refresh: true });
      if (registration.status === RegistrationStatus.CANCELLED) return registration;
      const now = new Date();
      if (now >= event.startsAt)
        throw BadUserInputError.field('token', 'the event has started; the registration can no longer be cancelled');

      const state: SeatState = { capacity: event.capacity, seatsTaken: event.seatsTaken, waitlistLength: event.waitlistLength };
      if (registration.status === RegistrationStatus.CONFIRMED) state.seatsTaken -= registration.partySize;
      else state.waitlistLength -= 1;
      registration.status = RegistrationStatus.CANCELLED;
      registration.cancelledAt = now;
      registration.cancelledBy = CancelledBy.REGISTRANT;
      enqueue(em, JobName.Notify, { kind: 'registration-cancelled', registrationId: registration.id });
      await this.promoteLocked(em, event, state, now);
      await em.flush();
      await this.saveCounters(em, event.id, state);
      return registration;
    });
  }

  /**
   * Promotes waiting parties of an event as far as seats allow (after a capacity rise, or when
   * the organisers allow skipping). Returns how many were promoted.
   */
  async promoteWaitlisted(eventId: string): Promise<number> {
    const id = parseUuid(eventId);
    if (!id) return 0;
    return this.em.transactional(async (em) => {
      const event = await this.lockEvent(em, id);
      if (!event) return 0;
      const state: SeatState = { capacity: event.capacity, seatsTaken: event.seatsTaken, waitlistLength: event.waitlistLength };
      const promoted = await this.promoteLocked(em, event, state, new Date());
      if (promoted.length === 0) return 0;
      await em.flush();
      await this.saveCounters(em, event.id, state);
      return promoted.length;
    });
  }

  /** Organisers set how the waiting list behaves; allowing skipping promotes those who now fit. */
  async updateSettings(user: AuthUser, eventId: string, allowWaitlistSkipping: boolean): Promise<RegistrationSettings> {
    const id = await this.access.assertCanManage(user, eventId);
    return this.em.transactional(async (em) => {
      const event = await this.lockEvent(em, id);
      if (!event) throw new NotFoundError('Event');
      const settings =
        (await em.findOne(RegistrationSettings, { event: id })) ?? em.create(RegistrationSettings, { event: em.getReference(Event, id) });
      settings.allowWaitlistSkipping = allowWaitlistSkipping;
      event.allowWaitlistSkipping = allowWaitlistSkipping;
      const state: SeatState = { capacity: event.capacity, seatsTaken: event.seatsTaken, waitlistLength: event.waitlistLength };
      const promoted = await this.promoteLocked(em, event, state, new Date());
      await em.flush();
      if (promoted.length > 0) await this.saveCounters(em, event.id, state);
      return settings;
    });
  }

  /** Records that a confirmed registrant came (or, with `undo`, takes it back). Organisers and admins. */
  async checkIn(user: AuthUser, registrationId: string, undo = false): Promise<Registration> {
    const id = parseUuid(registrationId);
    const found = id ? await this.em.findOne(Registration, id, { populate: ['event'] }) : null;
    if (!found) throw new NotFoundError('Registration');
    await this.access.assertCanManage(user, found.event.id);
    const event = found.event;
    if (!undo && Date.now() < event.startsAt.getTime() - CHECK_IN_OPENS_BEFORE_MS) {
      throw BadUserInputError.field('registrationId', 'check-in opens 24 hours before the event starts');
    }
    // One conditional update: a cancellation racing with the check-in cannot leave a cancelled registration checked in.
    const changed = await this.em.nativeUpdate(
      Registration,
      undo
        ? { id: found.id, checkedInAt: { $ne: null } }
        : { id: found.id, status: RegistrationStatus.CONFIRMED, checkedInAt: null, anonymizedAt: null },
      undo ? { checkedInAt: null, checkedInBy: null } : { checkedInAt: new Date(), checkedInBy: user.id },
    );
    const registration = await this.em.findOneOrFail(Registration, found.id, { refresh: true });
    if (changed === 0 && !undo && registration.checkedInAt === null) {
      const why = registration.status === RegistrationStatus.WAITLISTED ? 'is on the waiting list' : 'was cancelled';
      throw BadUserInputError.field('registrationId', `cannot be checked in: the registration ${why}`);
    }
    return registration;
  }

  /** A satisfaction answer by the registrant's token, after the event ended, once per registration. */
  async submitFeedback(token: string, input: FeedbackInput): Promise<Feedback> {
    const registration = await this.findByToken(token);
    const event = await this.em.findOneOrFail(Event, registration.event.id);
    if (registration.status !== RegistrationStatus.CONFIRMED) {
      throw BadUserInputError.field('token', 'only people who had a seat can rate the event');
    }
    if (Date.now() < event.endsAt.getTime()) throw BadUserInputError.field('token', 'feedback opens when the event has ended');
    if ((await this.em.count(Feedback, { registration: registration.id })) > 0) {
      throw new ConflictError('Feedback for this registration has already been given');
    }
    const feedback = this.em.create(Feedback, {
      registration,
      event,
      satisfied: input.satisfied,
      score: input.score ?? null,
      comment: input.comment ?? null,
    });
    try {
      await this.em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException)
        throw new ConflictError('Feedback for this registration has already been given');
      throw error;
    }
    return feedback;
  }

  /** An event's registrations in arrival order, for its organisers and admins. */
  async listForEvent(
    user: AuthUser,
    eventId: string,
    page: { first: number; after?: string | null; filter?: RegistrationFilter | null },
  ): Promise<Connection<Registration>> {
    const id = await this.access.assertCanManage(user, eventId);
    const where: FilterQuery<Registration> = { event: id };
    const filter = page.filter;
    if (filter?.status) where.status = filter.status;
    if (filter?.checkedIn === true) where.checkedInAt = { $ne: null };
    if (filter?.checkedIn === false) where.checkedInAt = null;
    if (filter?.search) {
      const like = `%${escapeLike(filter.search)}%`;
      where.$or = [{ name: { $ilike: like } }, { email: { $ilike: like } }, { organisation: { $ilike: like } }];
    }
    const totalCount = await this.em.count(Registration, where);
    const [after] = page.after ? decodeCursor(page.after, ['position']) : [];
    const rows = await this.em.find(Registration, after ? { $and: [where, { queuePosition: { $gt: after } }] } : where, {
      orderBy: { queuePosition: 'asc' },
      limit: page.first + 1,
    });
    return toConnection(rows, page.first, (r) => [r.queuePosition], !!after, totalCount);
  }

  /** Head counts per event; null for an unknown event. */
  async counts(eventIds: string[]): Promise<(RegistrationCounts | null)[]> {
    const ids = eventIds.map(parseUuid).filter((id): id is string => !!id);
    const rows: {
      id: string;
      kind: EventKind;
      status: EventStatus;
      registration_required: boolean;
      registration_opens_at: string | null;
      registration_closes_at: string | null;
      starts_at: string;
      capacity: number | null;
      seats_taken: number;
      waitlist_length: number;
      confirmed_people: string | null;
      confirmed: string;
      checked_in_people: string | null;
      waitlisted_people: string | null;
      cancelled: string;
    }[] = ids.length
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
    const byId = new Map(
      rows.map((r): [string, RegistrationCounts] => [
        r.id,
        {
          eventId: r.id,
          registrationOpen:
            registrationClosedReason(
              {
                kind: r.kind,
                status: r.status,
                capacity: r.capacity,
                registrationRequired: r.registration_required,
                registrationOpensAt: pgDate(r.registration_opens_at),
                registrationClosesAt: pgDate(r.registration_closes_at),
                startsAt: pgDate(r.starts_at),
              },
              now,
            ) === null,
          capacity: r.capacity,
          seatsLeft: seatsLeft({ capacity: r.capacity, seatsTaken: r.seats_taken, waitlistLength: r.waitlist_length }),
          seatsTaken: r.seats_taken,
          confirmed: Number(r.confirmed_people ?? 0),
          confirmedRegistrations: Number(r.confirmed),
          checkedIn: Number(r.checked_in_people ?? 0),
          waitlistLength: r.waitlist_length,
          waitlisted: Number(r.waitlisted_people ?? 0),
          cancelled: Number(r.cancelled),
        },
      ]),
    );
    return eventIds.map((id) => byId.get(parseUuid(id) ?? '') ?? null);
  }

  /**
   * The live registrations behind a personal calendar token (`GET /calendar/registrations/:token.ics`),
   * oldest first; null when the token belongs to nobody, so the feed answers 404.
   */
  async personalFeedEntries(token: string): Promise<PersonalFeedEntry[] | null> {
    if (!isCalendarTokenShaped(token)) return null;
    const rows = await this.em.find(
      Registration,
      { personalFeedKey: personalFeedKey(token), anonymizedAt: null },
      { fields: ['id', 'status', 'event'], orderBy: { queuePosition: 'asc' } },
    );
    if (rows.length === 0) return null;
    return rows
      .filter((r) => r.status !== RegistrationStatus.CANCELLED)
      .map((r) => ({
        registrationId: r.id,
        eventId: r.event.id,
        status: r.status as RegistrationStatus.CONFIRMED | RegistrationStatus.WAITLISTED,
      }));
  }

  /** The ids of the events a personal calendar token's live registrations are for; null for an unknown token. */
  async personalFeedEventIds(token: string): Promise<string[] | null> {
    const entries = await this.personalFeedEntries(token);
    return entries && [...new Set(entries.map((e) => e.eventId))];
  }

  private async lockEvent(em: EntityManager, id: string): Promise<LockedEvent | undefined> {
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
      kind: r.kind,
      status: r.status,
      capacity: r.capacity,
      registrationRequired: r.registration_required,
      registrationOpensAt: pgDate(r.registration_opens_at),
      registrationClosesAt: pgDate(r.registration_closes_at),
      startsAt: pgDate(r.starts_at),
      endsAt: pgDate(r.ends_at),
      seatsTaken: r.seats_taken,
      waitlistLength: r.waitlist_length,
      allowWaitlistSkipping: r.allow_waitlist_skipping,
    };
  }

  private assertOpenForRegistration(event: LockedEvent, now: Date): void {
    const why = registrationClosedReason(event, now);
    if (why) throw BadUserInputError.field('eventId', why);
  }

  /** Promotes whoever the rule allows, under the caller's lock; changes `state` to match. */
  private async promoteLocked(em: EntityManager, event: LockedEvent, state: SeatState, now: Date): Promise<Registration[]> {
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
  private async saveCounters(em: EntityManager, eventId: string, state: SeatState): Promise<void> {
    await em.execute('update event set seats_taken = ?, waitlist_length = ? where id = ?', [
      state.seatsTaken,
      state.waitlistLength,
      eventId,
    ]);
  }
}
