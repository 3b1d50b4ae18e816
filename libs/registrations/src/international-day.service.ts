import { Injectable } from '@nestjs/common';
import { EntityManager, UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { DateTime } from 'luxon';
import { Role, type AuthUser } from '@mangfold/auth';
import { Association, AssociationAccess, AssociationKind, AssociationStatus } from '@mangfold/associations';
import { Event, EventKind, EventStatus } from '@mangfold/calendar';
import { JobName, enqueue } from '@mangfold/jobs';
import {
  BadUserInputError,
  byIdLoader,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  decodeCursor,
  toConnection,
  type Connection,
  type FieldErrors,
  type LoaderFactory,
} from '@mangfold/graphql';
import { escapeLike, parseUuid, uuidArray } from '@mangfold/common';
import { toLocalizedText } from '@mangfold/db';
import { InternationalDay } from './international-day.entity';
import type { CreateInternationalDayInput, UpdateInternationalDayInput } from './inputs/international-day.input';
import type { ParticipationInput } from './inputs/participation.input';
import { Participation, ParticipationActivity, ParticipationStatus } from './participation.entity';
import { SeatLedger } from './seat-ledger';

export interface ParticipationCounts {
  /** Confirmed participations that hold a stand. */
  standsTaken: number;
  byStatus: { status: ParticipationStatus; count: number }[];
  byKind: { kind: AssociationKind; confirmed: number; registered: number }[];
}

/** Statuses that hold or wait for a place; DECLINED and CANCELLED do not. */
const LIVE = [ParticipationStatus.PENDING, ParticipationStatus.CONFIRMED, ParticipationStatus.WAITLISTED];

/**
 * International Day: one per year, tied to its event. Participations start PENDING; TFI confirms
 * or declines. Confirmed participations that need a stand (STAND or FOOD) never exceed the stand
 * capacity: a confirmation beyond it becomes WAITLISTED, and when a stand frees up (a cancellation,
 * a decline, a higher capacity) the earliest application on the waiting list gets it. Every status
 * change locks the day's row first (SeatLedger), so concurrent confirmations are serialised by PostgreSQL.
 */
@Injectable()
export class InternationalDayService {
  readonly countsByDay: LoaderFactory<string, ParticipationCounts> = () =>
    new DataLoader<string, ParticipationCounts>((ids) => this.counts([...ids]));

  /** Positions of waitlisted participations (1 = next in line), null for the others. */
  readonly waitlistPositions: LoaderFactory<string, number | null> = () =>
    new DataLoader<string, number | null>((ids) => this.ledger.waitlistPositions(this.em, 'participation', ids));

  readonly dayById: LoaderFactory<string, InternationalDay> = () => byIdLoader(this.em, InternationalDay);

  constructor(
    private readonly em: EntityManager,
    private readonly associations: AssociationAccess,
    private readonly ledger: SeatLedger,
  ) {}

  findByYear(year: number): Promise<InternationalDay | null> {
    return this.em.findOne(InternationalDay, { year });
  }

  /** TFI sets up the year's International Day on its event. */
  async create(input: CreateInternationalDayInput): Promise<InternationalDay> {
    const eventId = parseUuid(input.eventId);
    const event = eventId ? await this.em.findOne(Event, eventId) : null;
    if (!event) throw BadUserInputError.field('eventId', 'no such event');
    const problems: FieldErrors = {};
    if (event.kind !== EventKind.INTERNATIONAL_DAY) problems.eventId = 'must be an event of kind INTERNATIONAL_DAY';
    else if (DateTime.fromJSDate(event.startsAt, { zone: event.timeZone }).year !== input.year) {
      problems.year = `must be the year the event starts in (${DateTime.fromJSDate(event.startsAt, { zone: event.timeZone }).year})`;
    }
    Object.assign(problems, this.windowProblems(input.registrationOpensAt, input.registrationClosesAt, event));
    if (Object.keys(problems).length) throw new BadUserInputError(problems);
    if (await this.em.count(InternationalDay, { year: input.year }))
      throw new ConflictError(`International Day ${input.year} already exists`);
    if (await this.em.count(InternationalDay, { event: event.id }))
      throw new ConflictError('That event is already another year’s International Day');
    const day = this.em.create(InternationalDay, {
      year: input.year,
      event,
      standCapacity: input.standCapacity,
      registrationOpensAt: input.registrationOpensAt,
      registrationClosesAt: input.registrationClosesAt,
      practicalInfo: toLocalizedText(input.practicalInfo),
    });
    try {
      await this.em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw new ConflictError(`International Day ${input.year} already exists`);
      throw error;
    }
    return day;
  }

  /** Changes the day; a higher stand capacity promotes the waiting list, a lower one never unconfirms anyone. */
  async update(year: number, input: UpdateInternationalDayInput): Promise<InternationalDay> {
    return this.em.transactional(async (em) => {
      const day = await this.ledger.lockDay(em, { year });
      const event = await em.findOneOrFail(Event, day.event.id);
      const opensAt = input.registrationOpensAt ?? day.registrationOpensAt;
      const closesAt = input.registrationClosesAt ?? day.registrationClosesAt;
      const problems = this.windowProblems(opensAt, closesAt, event);
      if (Object.keys(problems).length) throw new BadUserInputError(problems);
      day.registrationOpensAt = opensAt;
      day.registrationClosesAt = closesAt;
      if (input.practicalInfo) day.practicalInfo = toLocalizedText(input.practicalInfo);
      if (input.standCapacity !== undefined && input.standCapacity !== null) day.standCapacity = input.standCapacity;
      await this.ledger.promoteParticipations(em, day);
      return day;
    });
  }

  /** A member registers its association, or TFI an organisation without an account; PENDING until TFI decides. */
  async register(user: AuthUser, year: number, input: ParticipationInput): Promise<Participation> {
    const problems = activityProblems(input);
    if (Object.keys(problems).length) throw new BadUserInputError(problems);
    const participant = await this.participantOf(user, input);

    return this.em.transactional(async (em) => {
      const day = await this.ledger.lockDay(em, { year });
      const event = await em.findOneOrFail(Event, day.event.id);
      if (event.status === EventStatus.CANCELLED) throw BadUserInputError.field('year', `International Day ${year} is cancelled`);
      const now = new Date();
      if (now < day.registrationOpensAt) {
        throw BadUserInputError.field(
          'year',
          `registration for International Day ${year} opens at ${day.registrationOpensAt.toISOString()}`,
        );
      }
      if (now >= day.registrationClosesAt) {
        throw BadUserInputError.field(
          'year',
          `registration for International Day ${year} closed at ${day.registrationClosesAt.toISOString()}`,
        );
      }
      const duplicate: FilterQuery<Participation> = participant.association
        ? { internationalDay: day.id, association: participant.association.id, status: { $in: LIVE } }
        : { internationalDay: day.id, organisationName: { $ilike: escapeLike(participant.organisationName!) }, status: { $in: LIVE } };
      if (await em.count(Participation, duplicate)) {
        throw new ConflictError(
          `${participant.association?.name ?? participant.organisationName} is already registered for International Day ${year}`,
        );
      }
      const participation = em.create(Participation, {
        internationalDay: day,
        association: participant.association,
        organisationName: participant.organisationName,
        participantKind: participant.kind,
        activities: input.activities,
        needsStand: needsStand(input.activities),
        representatives: input.representatives,
        tables: input.tables,
        needsPower: input.needsPower,
        performanceMinutes: input.performanceMinutes ?? null,
        foodHygieneConfirmed: input.foodHygieneConfirmed,
        notes: input.notes ?? null,
        contactName: input.contactName,
        contactEmail: input.contactEmail,
        contactPhone: input.contactPhone ?? null,
        registeredBy: user.id,
      });
      enqueue(em, JobName.Notify, { kind: 'participation-received', participationId: participation.id });
      try {
        await em.flush();
      } catch (error) {
        if (error instanceof UniqueConstraintViolationException)
          throw new ConflictError('This participant is already registered for International Day');
        throw error;
      }
      return participation;
    });
  }

  /** TFI confirms: a stand when one is free (or no stand is needed), else the waiting list. */
  async confirm(admin: AuthUser, id: string): Promise<Participation> {
    return this.decide(id, async (em, day, participation) => {
      switch (participation.status) {
        case ParticipationStatus.CONFIRMED:
          return;
        case ParticipationStatus.DECLINED:
        case ParticipationStatus.CANCELLED:
          throw BadUserInputError.field('id', `the participation was ${participation.status.toLowerCase()}; it has to be registered again`);
        case ParticipationStatus.PENDING:
        case ParticipationStatus.WAITLISTED: {
          const fits = !participation.needsStand || (await this.ledger.standsTaken(em, day)) < day.standCapacity;
          const next = fits ? ParticipationStatus.CONFIRMED : ParticipationStatus.WAITLISTED;
          if (next === participation.status) return;
          participation.status = next;
          participation.decidedAt = new Date();
          participation.decidedBy = admin.id;
          enqueue(em, JobName.Notify, {
            kind: fits ? 'participation-confirmed' : 'participation-waitlisted',
            participationId: participation.id,
          });
        }
      }
    });
  }

  /** TFI declines, with a reason the participant is told; a stand it held goes to the waiting list. */
  async decline(admin: AuthUser, id: string, reason: string): Promise<Participation> {
    const why = reason.trim();
    if (why.length < 2 || why.length > 1000) throw BadUserInputError.field('reason', 'must be 2 to 1000 characters');
    return this.decide(id, async (em, day, participation) => {
      if (participation.status === ParticipationStatus.DECLINED) return;
      if (participation.status === ParticipationStatus.CANCELLED) {
        throw BadUserInputError.field('id', 'the participant already cancelled');
      }
      participation.status = ParticipationStatus.DECLINED;
      participation.statusReason = why;
      participation.decidedAt = new Date();
      participation.decidedBy = admin.id;
      enqueue(em, JobName.Notify, { kind: 'participation-declined', participationId: participation.id, reason: why });
      await this.ledger.promoteParticipations(em, day);
    });
  }

  /** The participant (a member of its association, or TFI) withdraws; a stand it held goes to the waiting list. */
  async cancel(user: AuthUser, id: string): Promise<Participation> {
    await this.assertCanSee(user, await this.findOrFail(id));
    return this.decide(id, async (em, day, participation) => {
      if (participation.status === ParticipationStatus.CANCELLED) return;
      if (participation.status === ParticipationStatus.DECLINED)
        throw BadUserInputError.field('id', 'TFI already declined the participation');
      const event = await em.findOneOrFail(Event, day.event.id);
      if (new Date() >= event.startsAt) throw BadUserInputError.field('id', 'International Day has started; call TFI instead');
      participation.status = ParticipationStatus.CANCELLED;
      participation.decidedAt = new Date();
      await this.ledger.promoteParticipations(em, day);
    });
  }

  async findForUser(user: AuthUser, id: string): Promise<Participation> {
    const participation = await this.findOrFail(id);
    await this.assertCanSee(user, participation);
    return participation;
  }

  /** A year's participations in application order: all of them for TFI, a member's own associations' otherwise. */
  async list(
    user: AuthUser,
    page: { year: number; status?: ParticipationStatus | null; first: number; after?: string | null },
  ): Promise<Connection<Participation>> {
    const day = await this.em.findOne(InternationalDay, { year: page.year });
    if (!day) throw new NotFoundError(`International Day ${page.year}`);
    const where: FilterQuery<Participation> = { internationalDay: day.id };
    if (page.status) where.status = page.status;
    if (user.role !== Role.ADMIN) where.association = { $in: await this.associations.memberAssociationIds(user.id) };
    const totalCount = await this.em.count(Participation, where);
    const [after] = page.after ? decodeCursor(page.after, ['position']) : [];
    const rows = await this.em.find(Participation, after ? { $and: [where, { queuePosition: { $gt: after } }] } : where, {
      orderBy: { queuePosition: 'asc' },
      limit: page.first + 1,
    });
    return toConnection(rows, page.first, (p) => [p.queuePosition], !!after, totalCount);
  }

  async counts(dayIds: string[]): Promise<ParticipationCounts[]> {
    const rows: { day: string; status: ParticipationStatus; kind: AssociationKind; n: string; stands: string }[] = dayIds.length
      ? await this.em.execute(
          `select international_day_id as day, status, participant_kind as kind, count(*) as n, count(*) filter (where needs_stand) as stands
             from participation where international_day_id = any(?::uuid[])
            group by 1, 2, 3`,
          [uuidArray(dayIds)],
        )
      : [];
    return dayIds.map((dayId) => {
      const mine = rows.filter((r) => r.day === dayId);
      return {
        standsTaken: mine.filter((r) => r.status === ParticipationStatus.CONFIRMED).reduce((sum, r) => sum + Number(r.stands), 0),
        byStatus: Object.values(ParticipationStatus).map((status) => ({
          status,
          count: mine.filter((r) => r.status === status).reduce((sum, r) => sum + Number(r.n), 0),
        })),
        byKind: Object.values(AssociationKind).map((kind) => ({
          kind,
          confirmed: mine
            .filter((r) => r.kind === kind && r.status === ParticipationStatus.CONFIRMED)
            .reduce((sum, r) => sum + Number(r.n), 0),
          registered: mine.filter((r) => r.kind === kind && LIVE.includes(r.status)).reduce((sum, r) => sum + Number(r.n), 0),
        })),
      };
    });
  }

  /** Runs a status change under the day's lock, on a freshly read participation. */
  private async decide(
    id: string,
    change: (em: EntityManager, day: InternationalDay, participation: Participation) => Promise<void>,
  ): Promise<Participation> {
    const found = await this.findOrFail(id);
    return this.em.transactional(async (em) => {
      const day = await this.ledger.lockDay(em, { id: found.internationalDay.id });
      const participation = await em.findOneOrFail(Participation, found.id, { refresh: true });
      await change(em, day, participation);
      return participation;
    });
  }

  private async findOrFail(id: string): Promise<Participation> {
    const uuid = parseUuid(id);
    const participation = uuid ? await this.em.findOne(Participation, uuid) : null;
    if (!participation) throw new NotFoundError('Participation');
    return participation;
  }

  /** TFI sees every participation; a member those of its associations; nobody else any. */
  private async assertCanSee(user: AuthUser, participation: Participation): Promise<void> {
    if (user.role === Role.ADMIN) return;
    if (!participation.association || !(await this.associations.isMember(user.id, participation.association.id))) {
      throw new ForbiddenError('Only the participant’s members and TFI can see or change this participation');
    }
  }

  private async participantOf(
    user: AuthUser,
    input: ParticipationInput,
  ): Promise<{ association: Association | null; organisationName: string | null; kind: AssociationKind }> {
    if (input.associationId) {
      if (input.organisationName || input.participantKind) {
        throw new BadUserInputError({
          ...(input.organisationName ? { organisationName: 'give either associationId or organisationName, not both' } : {}),
          ...(input.participantKind ? { participantKind: 'comes from the association; give it only with organisationName' } : {}),
        });
      }
      const id = parseUuid(input.associationId);
      const association = id ? await this.em.findOne(Association, id) : null;
      if (!association) throw BadUserInputError.field('associationId', 'no such association');
      await this.associations.assertCanActFor(user, association.id);
      if (association.status !== AssociationStatus.APPROVED) {
        throw new ForbiddenError(`"${association.name}" is ${association.status.toLowerCase()}; it can take part once TFI approves it`);
      }
      return { association, organisationName: null, kind: association.kind };
    }
    if (input.organisationName) {
      if (user.role !== Role.ADMIN) {
        throw new ForbiddenError(
          'Only TFI can register an organisation without an account; members register their association (associationId)',
        );
      }
      if (!input.participantKind) throw BadUserInputError.field('participantKind', 'is required with organisationName');
      return { association: null, organisationName: input.organisationName, kind: input.participantKind };
    }
    throw BadUserInputError.field(
      'associationId',
      user.role === Role.ADMIN ? 'give associationId, or organisationName and participantKind' : 'is required',
    );
  }

  private windowProblems(opensAt: Date, closesAt: Date, event: Event): FieldErrors {
    const problems: FieldErrors = {};
    if (closesAt <= opensAt) problems.registrationClosesAt = 'must be after registrationOpensAt';
    else if (closesAt > event.startsAt) problems.registrationClosesAt = 'must be no later than the start of the event';
    return problems;
  }
}

function needsStand(activities: ParticipationActivity[]): boolean {
  return activities.includes(ParticipationActivity.STAND) || activities.includes(ParticipationActivity.FOOD);
}

function activityProblems(input: ParticipationInput): FieldErrors {
  const problems: FieldErrors = {};
  const has = (a: ParticipationActivity) => input.activities.includes(a);
  if (has(ParticipationActivity.FOOD) && !input.foodHygieneConfirmed) {
    problems.foodHygieneConfirmed = 'must be confirmed when serving food';
  }
  if (has(ParticipationActivity.PERFORMANCE) && !input.performanceMinutes) {
    problems.performanceMinutes = 'is required for a performance';
  }
  if (!has(ParticipationActivity.PERFORMANCE) && input.performanceMinutes) {
    problems.performanceMinutes = 'only applies to a PERFORMANCE';
  }
  if (!needsStand(input.activities) && (input.tables > 0 || input.needsPower)) {
    problems[input.tables > 0 ? 'tables' : 'needsPower'] = 'only applies to a STAND or FOOD';
  }
  return problems;
}
