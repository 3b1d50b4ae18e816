import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Role, type AuthUser } from '@mangfold/auth';
import { Association, AssociationAccess, AssociationStatus } from '@mangfold/associations';
import { audit, freeSlug, slugify, toLocalizedText } from '@mangfold/db';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError, parseId } from '@mangfold/graphql';
import { JobName, enqueue } from '@mangfold/jobs';
import { EventDetails } from './event-details';
import { Event, EventKind, EventStatus } from './event.entity';
import { EventOrganiser, OrganiserRole, OrganiserStatus } from './event-organiser.entity';
import { SUBSCRIBER_VISIBLE_FIELDS, diffSnapshots, eventSnapshot, isMove, parseReason } from './event-rules';
import type { CreateEventInput, UpdateEventInput } from './inputs/event.inputs';

const ENTITY = 'Event';

/**
 * The event workflow: create (DRAFT) → submit (SUBMITTED) → publish or reject (admin) → edit,
 * cancel. Every change runs in one transaction with a row lock on the event, writes an audit
 * entry and enqueues, through the outbox, the jobs it implies (feeds, notices).
 */
@Injectable()
export class EventsService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: AssociationAccess,
    private readonly details: EventDetails,
  ) {}

  async create(user: AuthUser, input: CreateEventInput): Promise<Event> {
    const associationId = parseId(input.associationId, 'associationId');
    const association = await this.em.findOne(Association, associationId);
    if (!association) throw BadUserInputError.field('associationId', 'associationId is not the id of an association');
    await this.access.assertCanActFor(user, association.id);
    if (association.status === AssociationStatus.REJECTED || association.status === AssociationStatus.SUSPENDED) {
      throw new ForbiddenError(`The association "${association.name}" is ${association.status.toLowerCase()} and cannot create events`);
    }
    if (input.slug && (await this.em.count(Event, { slug: input.slug }))) throw BadUserInputError.field('slug', 'slug is taken');

    const attempt = (slugSuffix: string) =>
      this.em.transactional(async (em) => {
        const event = em.create(Event, {
          slug: 'pending',
          kind: input.kind ?? EventKind.CULTURAL_EVENT,
          title: toLocalizedText(input.title),
          startsAt: new Date(0),
          endsAt: new Date(0),
          createdBy: user.id,
        });
        await this.details.apply(em, event, input, null, association.district ?? null);
        const base = input.slug ?? (slugify(event.title.da ?? event.title.en ?? '', 100) || 'event');
        event.slug = slugSuffix ? `${base.slice(0, 110)}-${slugSuffix}` : await freeSlug(em, Event, base.slice(0, 110));
        em.create(EventOrganiser, {
          event,
          association,
          role: OrganiserRole.PRIMARY,
          status: OrganiserStatus.ACCEPTED,
          respondedAt: new Date(),
        });
        audit(em, {
          actorId: user.id,
          action: 'event.created',
          entityType: ENTITY,
          entityId: event.id,
          changes: { ...diffSnapshots({}, eventSnapshot(event)), organizer: { from: null, to: association.id } },
        });
        return event;
      });
    try {
      return await attempt('');
    } catch (error) {
      // Two events with the same title created at the same instant: the second gets a suffix.
      if (!(error instanceof UniqueConstraintViolationException) || input.slug) {
        if (error instanceof UniqueConstraintViolationException) throw BadUserInputError.field('slug', 'slug is taken');
        throw error;
      }
      return attempt(randomBytes(3).toString('hex'));
    }
  }

  async update(user: AuthUser, id: string, input: UpdateEventInput): Promise<Event> {
    const eventId = parseId(id, 'id');
    return this.em.transactional(async (em) => {
      const event = await this.lock(em, eventId);
      await this.assertOrganiser(em, user, event, false);
      if (event.status === EventStatus.CANCELLED) throw new ConflictError('A cancelled event cannot be edited');
      const before = eventSnapshot(event);
      await this.details.apply(em, event, input, event);
      const changes = diffSnapshots(before, eventSnapshot(event));
      if (Object.keys(changes).length === 0) return event;
      const visible = SUBSCRIBER_VISIBLE_FIELDS.some((f) => f in changes);
      if (visible) event.sequence += 1;
      audit(em, { actorId: user.id, action: 'event.updated', entityType: ENTITY, entityId: event.id, changes });
      if (event.status === EventStatus.PUBLISHED) {
        if (visible) enqueue(em, JobName.EventChanged, { eventId: event.id });
        if (isMove(changes)) enqueue(em, JobName.Notify, { kind: 'event-moved', eventId: event.id });
      }
      return event;
    });
  }

  async submit(user: AuthUser, id: string): Promise<Event> {
    return this.transition(user, id, 'event.submitted', async (em, event) => {
      await this.assertOrganiser(em, user, event, true);
      if (event.status !== EventStatus.DRAFT && event.status !== EventStatus.REJECTED) {
        throw new ConflictError(`Only a draft or a rejected event can be submitted; this one is ${event.status.toLowerCase()}`);
      }
      await this.assertPrimaryApproved(em, event);
      event.status = EventStatus.SUBMITTED;
      event.submittedAt = new Date();
      event.statusReason = null;
      enqueue(em, JobName.Notify, { kind: 'event-submitted', eventId: event.id });
      return {};
    });
  }

  async publish(user: AuthUser, id: string): Promise<Event> {
    return this.transition(user, id, 'event.published', async (em, event) => {
      this.assertAdmin(user);
      if (event.status === EventStatus.PUBLISHED) throw new ConflictError('The event is already published');
      if (event.status === EventStatus.CANCELLED) throw new ConflictError('A cancelled event cannot be published');
      await this.assertPrimaryApproved(em, event);
      event.status = EventStatus.PUBLISHED;
      event.publishedAt ??= new Date();
      event.statusReason = null;
      event.sequence += 1;
      enqueue(em, JobName.EventChanged, { eventId: event.id });
      enqueue(em, JobName.Notify, { kind: 'event-published', eventId: event.id });
      return {};
    });
  }

  async reject(user: AuthUser, id: string, reasonInput: string): Promise<Event> {
    const reason = parseReason(reasonInput);
    return this.transition(user, id, 'event.rejected', async (em, event) => {
      this.assertAdmin(user);
      if (event.status !== EventStatus.SUBMITTED) {
        throw new ConflictError(`Only a submitted event can be rejected; this one is ${event.status.toLowerCase()}`);
      }
      event.status = EventStatus.REJECTED;
      event.statusReason = reason;
      enqueue(em, JobName.Notify, { kind: 'event-rejected', eventId: event.id, reason });
      return { reason: { from: null, to: reason } };
    });
  }

  async cancel(user: AuthUser, id: string, reasonInput: string): Promise<Event> {
    const reason = parseReason(reasonInput);
    return this.transition(user, id, 'event.cancelled', async (em, event) => {
      await this.assertOrganiser(em, user, event, true);
      if (event.status === EventStatus.CANCELLED) throw new ConflictError('The event is already cancelled');
      const wasPublished = event.status === EventStatus.PUBLISHED;
      event.status = EventStatus.CANCELLED;
      event.cancelledAt = new Date();
      event.statusReason = reason;
      event.sequence += 1;
      if (wasPublished) {
        enqueue(em, JobName.EventChanged, { eventId: event.id });
        enqueue(em, JobName.Notify, { kind: 'event-cancelled', eventId: event.id, reason });
      }
      return { reason: { from: null, to: reason } };
    });
  }

  async inviteCoOrganiser(user: AuthUser, eventIdInput: string, associationIdInput: string): Promise<Event> {
    const associationId = parseId(associationIdInput, 'associationId');
    return this.transition(
      user,
      eventIdInput,
      'event.co-organizer-invited',
      async (em, event) => {
        await this.assertOrganiser(em, user, event, true);
        if (event.status === EventStatus.CANCELLED) throw new ConflictError('A cancelled event cannot get new organisers');
        const association = await em.findOne(Association, associationId);
        if (!association) throw BadUserInputError.field('associationId', 'associationId is not the id of an association');
        if (association.status !== AssociationStatus.APPROVED) {
          throw BadUserInputError.field('associationId', `"${association.name}" is not approved by TFI yet and cannot co-organise events`);
        }
        const existing = await em.findOne(EventOrganiser, { event, association });
        if (existing?.status === OrganiserStatus.ACCEPTED) throw new ConflictError(`"${association.name}" already organises this event`);
        if (existing?.status === OrganiserStatus.INVITED) throw new ConflictError(`"${association.name}" is already invited`);
        if (existing) {
          existing.status = OrganiserStatus.INVITED;
          existing.respondedAt = null;
        } else {
          em.create(EventOrganiser, { event, association, role: OrganiserRole.CO_ORGANIZER, status: OrganiserStatus.INVITED });
        }
        enqueue(em, JobName.Notify, { kind: 'co-organizer-invited', eventId: event.id, associationId: association.id });
        return { coOrganizer: { from: existing?.status ?? null, to: { association: association.id, status: OrganiserStatus.INVITED } } };
      },
      'eventId',
    );
  }

  async respondToInvitation(
    user: AuthUser,
    eventIdInput: string,
    associationIdInput: string | null | undefined,
    accept: boolean,
  ): Promise<Event> {
    const associationId = associationIdInput ? parseId(associationIdInput, 'associationId') : null;
    const action = accept ? 'event.co-organizer-accepted' : 'event.co-organizer-declined';
    return this.transition(
      user,
      eventIdInput,
      action,
      async (em, event) => {
        const invitations = await em.find(EventOrganiser, { event, status: OrganiserStatus.INVITED }, { populate: ['association'] });
        let candidates = associationId ? invitations.filter((o) => o.association.id === associationId) : invitations;
        if (user.role !== Role.ADMIN) {
          const mine = new Set(await this.access.memberAssociationIds(user.id));
          candidates = candidates.filter((o) => mine.has(o.association.id));
        } else if (!associationId) {
          throw BadUserInputError.field('associationId', 'associationId is required when an admin answers for an association');
        }
        if (candidates.length === 0) {
          if (associationId && invitations.some((o) => o.association.id === associationId)) {
            throw new ForbiddenError('Only members of the invited association can answer its invitation');
          }
          throw new NotFoundError('An open invitation for your association to this event');
        }
        if (candidates.length > 1) {
          throw BadUserInputError.field('associationId', 'you belong to several invited associations; say which one answers');
        }
        const invitation = candidates[0];
        if (event.status === EventStatus.CANCELLED && accept) throw new ConflictError('The event is cancelled');
        if (accept && invitation.association.status !== AssociationStatus.APPROVED) {
          throw BadUserInputError.field(
            'associationId',
            `"${invitation.association.name}" is not approved by TFI and cannot co-organise events`,
          );
        }
        invitation.status = accept ? OrganiserStatus.ACCEPTED : OrganiserStatus.DECLINED;
        invitation.respondedAt = new Date();
        if (accept) {
          // Organisers show in feeds (ORGANIZER, the association's feed).
          event.sequence += 1;
          if (event.status === EventStatus.PUBLISHED) enqueue(em, JobName.EventChanged, { eventId: event.id });
        }
        return {
          coOrganizer: {
            from: { association: invitation.association.id, status: OrganiserStatus.INVITED },
            to: { association: invitation.association.id, status: invitation.status },
          },
        };
      },
      'eventId',
    );
  }

  /** Runs a status change under the event's row lock and records it in the audit trail. */
  private async transition(
    user: AuthUser,
    idInput: string,
    action: string,
    change: (em: EntityManager, event: Event) => Promise<Record<string, unknown>>,
    idField = 'id',
  ): Promise<Event> {
    const eventId = parseId(idInput, idField);
    return this.em.transactional(async (em) => {
      const event = await this.lock(em, eventId);
      const statusBefore = event.status;
      const extra = await change(em, event);
      // Organiser rows may be all that changed; the event still says when it last changed.
      event.updatedAt = new Date();
      const changes: Record<string, unknown> = { ...extra };
      if (event.status !== statusBefore) changes.status = { from: statusBefore, to: event.status };
      audit(em, { actorId: user.id, action, entityType: ENTITY, entityId: event.id, changes });
      return event;
    });
  }

  private async lock(em: EntityManager, id: string): Promise<Event> {
    const event = await em.findOne(Event, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!event) throw new NotFoundError('Event');
    return event;
  }

  private assertAdmin(user: AuthUser): void {
    if (user.role !== Role.ADMIN) throw new ForbiddenError('Only TFI administrators can do this');
  }

  /**
   * Admins may act on any event; members on the events their association organises: the primary
   * organiser for submitting, cancelling and inviting, any accepted organiser for editing.
   */
  private async assertOrganiser(em: EntityManager, user: AuthUser, event: Event, primaryOnly: boolean): Promise<void> {
    if (user.role === Role.ADMIN) return;
    const organisers = await em.find(EventOrganiser, { event, status: OrganiserStatus.ACCEPTED }, { fields: ['association', 'role'] });
    const mine = new Set(await this.access.memberAssociationIds(user.id));
    const allowed = organisers.some((o) => mine.has(o.association.id) && (!primaryOnly || o.role === OrganiserRole.PRIMARY));
    if (!allowed) {
      throw new ForbiddenError(
        primaryOnly ? 'Only the organising association (or TFI) can do this' : "Only this event's organisers (or TFI) can change it",
      );
    }
  }

  /** Pending, rejected and suspended associations cannot have events published. */
  private async assertPrimaryApproved(em: EntityManager, event: Event): Promise<void> {
    const primary = await em.findOne(EventOrganiser, { event, role: OrganiserRole.PRIMARY }, { populate: ['association'] });
    const association = primary?.association;
    if (!association) throw new ConflictError('The event has no organising association');
    if (association.status !== AssociationStatus.APPROVED) {
      const state =
        association.status === AssociationStatus.PENDING ? 'still waiting for approval by TFI' : association.status.toLowerCase();
      throw BadUserInputError.field(
        'id',
        `The organising association "${association.name}" is ${state}, so its events cannot be published`,
      );
    }
  }
}
