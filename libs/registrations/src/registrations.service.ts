import { Injectable } from '@nestjs/common';
import { EntityManager, UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/postgresql';
import { InjectConfig, type AppConfig } from '@mangfold/config';
import { Event, EventStatus } from '@mangfold/calendar';
import { JobName, OutboxRelay, enqueue } from '@mangfold/jobs';
import type { AuthUser } from '@mangfold/auth';
import { escapeLike, parseUuid, type Language } from '@mangfold/common';
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
import { RegistrationCountsReader, type RegistrationCounts } from './registration-counts';
import { insertRegistration } from './registration-insert';
import { RegistrationLoaders } from './registration-loaders';
import { CancelledBy, Registration, RegistrationStatus } from './registration.entity';
import { RegistrationSettings } from './registration-settings.entity';
import { calendarToken, isCalendarTokenShaped, personalFeedKey, registrationIdOf, verifyRegistrationToken } from './registration-tokens';
import { registrationClosedReason } from './registration-window';
import { SeatLedger } from './seat-ledger';
import { admitsNewcomer, type SeatState } from './waitlist-rule';

export interface RegisterResult {
  registration: Registration;
  /** False when the email already had a live registration for the event, which is returned instead. */
  created: boolean;
  waitlistPosition: number | null;
}

/** One entry of a person's calendar feed. */
export interface PersonalFeedEntry {
  registrationId: string;
  eventId: string;
  status: RegistrationStatus.CONFIRMED | RegistrationStatus.WAITLISTED;
}

/** A registration as its registrant's page shows it. */
export interface ManagementView {
  registration: Registration;
  event: Event;
  waitlistPosition: number | null;
  hasFeedback: boolean;
}

/** Repeated registrations re-send the mail with the link at most this often per registration. */
const RESEND_WINDOW_MS = 15 * 60_000;
/** Organisers check people in from this long before the start. */
const CHECK_IN_OPENS_BEFORE_MS = 24 * 3600_000;

/**
 * Registrations with limited seats: register, cancel, promote, check in, rate. Every change to an
 * event's registrations happens in one transaction that first locks the event row through the
 * SeatLedger, which also keeps the event's counters; head counts are in registration-counts.ts,
 * the field loaders in registration-loaders.ts.
 */
@Injectable()
export class RegistrationsService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: EventAccess,
    private readonly relay: OutboxRelay,
    @InjectConfig() private readonly config: AppConfig,
    private readonly ledger: SeatLedger,
    private readonly reader: RegistrationCountsReader,
    private readonly loaders: RegistrationLoaders,
  ) {}

  /** Positions of waitlisted registrations (1 = next in line), null for the others. */
  get waitlistPositions(): LoaderFactory<string, number | null> {
    return this.loaders.waitlistPositions;
  }

  get countsByEvent(): LoaderFactory<string, RegistrationCounts | null> {
    return this.loaders.countsByEvent;
  }

  get feedbackByRegistration(): LoaderFactory<string, Feedback | null> {
    return this.loaders.feedbackByRegistration;
  }

  get settingsByEvent(): LoaderFactory<string, boolean> {
    return this.loaders.settingsByEvent;
  }

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
      const event = await this.ledger.lockEvent(em, id);
      if (!event || (event.status !== EventStatus.PUBLISHED && event.status !== EventStatus.CANCELLED)) throw new NotFoundError('Event');
      const now = new Date();
      const why = registrationClosedReason(event, now);
      if (why) throw BadUserInputError.field('eventId', why);

      const state = this.ledger.seatState(event);
      // Normally a no-op: seats are never left free while someone who fits waits. It catches up
      // after a capacity rise whose promotion job has not run yet, so a newcomer cannot jump the queue.
      const promoted = await this.ledger.promoteRegistrations(em, event, state, now);
      const confirmed = admitsNewcomer(state, input.partySize, event.allowWaitlistSkipping);
      const registration = this.newRegistration(em, id, input, { email, language, confirmed, now });
      const after: SeatState = confirmed
        ? { ...state, seatsTaken: state.seatsTaken + input.partySize }
        : { ...state, waitlistLength: state.waitlistLength + 1 };

      // The lock is held from here to the commit, so this is one statement (registration-insert.ts):
      // writing the mail's outbox row in it saves a round trip under the lock, which is what bounds
      // how fast one popular event fills (register-contended in BENCHMARKS.md).
      const kind = confirmed ? 'registration-confirmed' : 'registration-waitlisted';
      if (await insertRegistration(em, id, registration, after, { kind, registrationId: registration.id })) {
        return { registration, created: true, waitlistPosition: confirmed ? null : after.waitlistLength };
      }
      if (promoted.length > 0) await this.ledger.saveCounters(em, id, state);
      return { registration: await this.resendExisting(em, id, email), created: false, waitlistPosition: null };
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

  /** The event a registration is for. */
  eventOf(registration: Registration): Promise<Event> {
    return this.em.findOneOrFail(Event, registration.event.id);
  }

  /** What the registrant's page shows: the registration as it is now, its event, its place in line, whether it was rated. */
  async managementView(registration: Registration): Promise<ManagementView> {
    const fresh = await this.em.findOneOrFail(Registration, registration.id, { refresh: true });
    const [position] =
      fresh.status === RegistrationStatus.WAITLISTED ? await this.ledger.waitlistPositions(this.em, 'registration', [fresh.id]) : [null];
    return {
      registration: fresh,
      event: await this.eventOf(fresh),
      waitlistPosition: position,
      hasFeedback: (await this.em.count(Feedback, { registration: fresh.id })) > 0,
    };
  }

  /**
   * Cancels by the registrant's token: frees the seats and, in the same transaction, promotes
   * waiting parties as the waiting-list rule says. Cancelling twice returns the cancelled registration.
   */
  async cancelByToken(token: string): Promise<Registration> {
    const found = await this.findByToken(token);
    return this.em.transactional(async (em) => {
      const event = await this.ledger.lockEvent(em, found.event.id);
      if (!event) throw new NotFoundError('Registration');
      const registration = await em.findOneOrFail(Registration, found.id, { refresh: true });
      if (registration.status === RegistrationStatus.CANCELLED) return registration;
      const now = new Date();
      if (now >= event.startsAt)
        throw BadUserInputError.field('token', 'the event has started; the registration can no longer be cancelled');

      const state = this.ledger.seatState(event);
      if (registration.status === RegistrationStatus.CONFIRMED) state.seatsTaken -= registration.partySize;
      else state.waitlistLength -= 1;
      registration.status = RegistrationStatus.CANCELLED;
      registration.cancelledAt = now;
      registration.cancelledBy = CancelledBy.REGISTRANT;
      enqueue(em, JobName.Notify, { kind: 'registration-cancelled', registrationId: registration.id });
      await this.ledger.promoteRegistrations(em, event, state, now);
      await em.flush();
      await this.ledger.saveCounters(em, event.id, state);
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
      const event = await this.ledger.lockEvent(em, id);
      if (!event) return 0;
      const state = this.ledger.seatState(event);
      const promoted = await this.ledger.promoteRegistrations(em, event, state, new Date());
      if (promoted.length === 0) return 0;
      await em.flush();
      await this.ledger.saveCounters(em, event.id, state);
      return promoted.length;
    });
  }

  /** Organisers set how the waiting list behaves; allowing skipping promotes those who now fit. */
  async updateSettings(user: AuthUser, eventId: string, allowWaitlistSkipping: boolean): Promise<RegistrationSettings> {
    const id = await this.access.assertCanManage(user, eventId);
    return this.em.transactional(async (em) => {
      const event = await this.ledger.lockEvent(em, id);
      if (!event) throw new NotFoundError('Event');
      const settings =
        (await em.findOne(RegistrationSettings, { event: id })) ?? em.create(RegistrationSettings, { event: em.getReference(Event, id) });
      settings.allowWaitlistSkipping = allowWaitlistSkipping;
      event.allowWaitlistSkipping = allowWaitlistSkipping;
      const state = this.ledger.seatState(event);
      const promoted = await this.ledger.promoteRegistrations(em, event, state, new Date());
      await em.flush();
      if (promoted.length > 0) await this.ledger.saveCounters(em, event.id, state);
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
  counts(eventIds: string[]): Promise<(RegistrationCounts | null)[]> {
    return this.reader.counts(eventIds);
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

  /** A registration as `register` writes it (not persisted: insertRegistration writes it). */
  private newRegistration(
    em: EntityManager,
    eventId: string,
    input: AttendeeInput,
    { email, language, confirmed, now }: { email: string; language: Language; confirmed: boolean; now: Date },
  ): Registration {
    return em.create(
      Registration,
      {
        event: em.getReference(Event, eventId),
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
  }

  /** The live registration in the way of a repeated one, whose mail is sent again (at most once per window). */
  private async resendExisting(em: EntityManager, eventId: string, email: string): Promise<Registration> {
    // The lock is held, so the registration in the way is committed and visible to this read.
    const existing = await em.findOneOrFail(Registration, { event: eventId, email, status: { $ne: RegistrationStatus.CANCELLED } });
    const kind = existing.status === RegistrationStatus.CONFIRMED ? 'registration-confirmed' : 'registration-waitlisted';
    enqueue(
      em,
      JobName.Notify,
      { kind, registrationId: existing.id },
      { dedupe: { id: `resend-${existing.id}`, windowMs: RESEND_WINDOW_MS } },
    );
    return existing;
  }
}
