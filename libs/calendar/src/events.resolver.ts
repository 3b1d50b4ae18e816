import { Args, GraphQLISODateTime, ID, Info, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { CurrentUser, Public, Role, Roles, type AuthUser } from '@mangfold/auth';
import {
  AssociationModel,
  DistrictModel,
  HousingAreaModel,
  type AssociationRecord,
  type District,
  type HousingArea,
} from '@mangfold/associations';
import {
  BadUserInputError,
  LocalizedField,
  localizedField,
  wantsTotalCount,
  type Connection,
  type GqlContext,
  type LangArgs,
} from '@mangfold/graphql';
import type { AuditEntry } from '@mangfold/db';
import { CalendarLoaders } from './calendar-loaders';
import { ReferenceData } from './reference-data.service';
import type { Event } from './event.entity';
import type { EventRecord } from './event-record';
import { OrganiserStatus } from './event-organiser.entity';
import { EventQueries, occurrenceView, seriesOf, type EventConnectionView, type OccurrenceView } from './event-queries.service';
import { EventsService } from './events.service';
import { CreateEventInput, UpdateEventInput } from './inputs/event.inputs';
import { AuditTrailArgs, EventsArgs, ModerationQueueArgs, MyEventsArgs } from './inputs/list.args';
import { AuditEntryConnection } from './models/audit-entry.model';
import { EventConnection, EventModel, EventOccurrenceModel } from './models/event.model';
import { OccasionModel } from './models/occasion.model';
import type { Occasion } from './occasion.entity';
import { formatLocal } from './time/local-time';
import { occurrencesOf } from './time/recurrence';

@Resolver(() => EventModel)
export class EventsResolver {
  constructor(
    private readonly eventsService: EventsService,
    private readonly queries: EventQueries,
    private readonly loaders: CalendarLoaders,
    private readonly reference: ReferenceData,
  ) {}

  @Public()
  @Query(() => EventModel, {
    nullable: true,
    description:
      'One event by id or slug; null when it does not exist or is not public (drafts are visible to their organisers and admins)',
  })
  event(
    @CurrentUser() user: AuthUser | undefined,
    @Args('id', { type: () => ID, nullable: true }) id?: string,
    @Args('slug', { type: () => String, nullable: true }) slug?: string,
  ): Promise<Event | null> {
    return this.queries.findVisible(user, { id, slug });
  }

  @Public()
  @Query(() => EventConnection, {
    description:
      'Published (and cancelled) events in start order, then id. Recurring events are listed once per occurrence, with ' +
      'the occurrence on the edge; with `from`/`to` only occurrences overlapping the window.',
  })
  events(@Args() args: EventsArgs, @Info() info: GraphQLResolveInfo): Promise<EventConnectionView> {
    return this.queries.listPublic(args.filter ?? {}, args.first, args.after, wantsTotalCount(info));
  }

  @Query(() => EventConnection, { description: 'Events of your associations, in any status, including invitations to co-organise' })
  myEvents(@CurrentUser() user: AuthUser, @Args() args: MyEventsArgs, @Info() info: GraphQLResolveInfo): Promise<EventConnectionView> {
    return this.queries.listMine(user, args, args.first, args.after, wantsTotalCount(info));
  }

  @Roles(Role.ADMIN)
  @Query(() => EventConnection, { description: 'Submitted events waiting for TFI to publish or reject them, soonest first (admin)' })
  moderationQueue(@Args() args: ModerationQueueArgs, @Info() info: GraphQLResolveInfo): Promise<EventConnectionView> {
    return this.queries.moderationQueue(args.includePast, args.first, args.after, wantsTotalCount(info));
  }

  @Roles(Role.ADMIN)
  @Query(() => AuditEntryConnection, { description: "An event's audit trail: who changed what and when, newest first (admin)" })
  eventAuditTrail(@Args() args: AuditTrailArgs, @Info() info: GraphQLResolveInfo): Promise<Connection<AuditEntry>> {
    return this.queries.auditTrail('Event', args.id.toLowerCase(), args.first, args.after, wantsTotalCount(info));
  }

  @Mutation(() => EventModel, { description: 'Creates a DRAFT for an association you are a member of' })
  createEvent(@CurrentUser() user: AuthUser, @Args('input') input: CreateEventInput): Promise<Event> {
    return this.eventsService.create(user, input);
  }

  @Mutation(() => EventModel, {
    description: 'Edits an event (its organisers or an admin). A published event stays published; changes subscribers see bump `sequence`.',
  })
  updateEvent(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateEventInput,
  ): Promise<Event> {
    return this.eventsService.update(user, id, input);
  }

  @Mutation(() => EventModel, { description: 'Sends a draft (or a rejected event) to TFI for moderation' })
  submitEvent(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<Event> {
    return this.eventsService.submit(user, id);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => EventModel, { description: 'Publishes an event into the public calendar and its feeds (admin)' })
  publishEvent(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<Event> {
    return this.eventsService.publish(user, id);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => EventModel, { description: 'Sends a submitted event back to its organisers with a reason (admin)' })
  rejectEvent(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String }) reason: string,
  ): Promise<Event> {
    return this.eventsService.reject(user, id, reason);
  }

  @Mutation(() => EventModel, { description: 'Calls an event off; a published one stays visible as CANCELLED and registrants are told' })
  cancelEvent(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String }) reason: string,
  ): Promise<Event> {
    return this.eventsService.cancel(user, id, reason);
  }

  @Mutation(() => EventModel, { name: 'inviteCoOrganizer', description: 'Invites another approved association to co-organise the event' })
  inviteCoOrganiser(
    @CurrentUser() user: AuthUser,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('associationId', { type: () => ID }) associationId: string,
  ): Promise<Event> {
    return this.eventsService.inviteCoOrganiser(user, eventId, associationId);
  }

  @Mutation(() => EventModel, {
    name: 'acceptCoOrganizer',
    description: 'Accepts an invitation to co-organise, for your invited association',
  })
  acceptCoOrganiser(
    @CurrentUser() user: AuthUser,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('associationId', { type: () => ID, nullable: true, description: 'Needed only if you belong to several invited associations' })
    associationId?: string,
  ): Promise<Event> {
    return this.eventsService.respondToInvitation(user, eventId, associationId, true);
  }

  @Mutation(() => EventModel, { name: 'declineCoOrganizer', description: 'Declines an invitation to co-organise' })
  declineCoOrganiser(
    @CurrentUser() user: AuthUser,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('associationId', { type: () => ID, nullable: true }) associationId?: string,
  ): Promise<Event> {
    return this.eventsService.respondToInvitation(user, eventId, associationId, false);
  }

  @LocalizedField({ description: 'Title in the language asked for, falling back to the other' })
  title(e: EventRecord, { lang }: LangArgs, ctx: GqlContext): string {
    return localizedField(e.title, ctx.req, lang) ?? '';
  }

  @LocalizedField({ nullable: true })
  description(e: EventRecord, { lang }: LangArgs, ctx: GqlContext): string | null {
    return localizedField(e.description, ctx.req, lang);
  }

  @LocalizedField({ nullable: true, description: 'Who the event is for' })
  audience(e: EventRecord, { lang }: LangArgs, ctx: GqlContext): string | null {
    return localizedField(e.audience, ctx.req, lang);
  }

  @LocalizedField({ nullable: true, description: 'Accessibility notes' })
  accessibility(e: EventRecord, { lang }: LangArgs, ctx: GqlContext): string | null {
    return localizedField(e.accessibility, ctx.req, lang);
  }

  @LocalizedField({ nullable: true, description: 'What it costs, when it is not free' })
  price(e: EventRecord, { lang }: LangArgs, ctx: GqlContext): string | null {
    return localizedField(e.priceInfo, ctx.req, lang);
  }

  @ResolveField(() => String, {
    description: 'Start as wall-clock time in the event\'s zone with that moment\'s offset, e.g. "2027-03-28T03:30:00+02:00"',
  })
  startsAtLocal(e: EventRecord): string {
    return formatLocal(e.startsAt, e.timeZone);
  }

  @ResolveField(() => String, { description: "End as wall-clock time in the event's zone with that moment's offset" })
  endsAtLocal(e: EventRecord): string {
    return formatLocal(e.endsAt, e.timeZone);
  }

  @ResolveField(() => [GraphQLISODateTime], { description: 'Starts of occurrences that do not take place (EXDATE)' })
  recurrenceExceptions(e: EventRecord): Date[] {
    return e.recurrenceExceptions.map((x) => new Date(x));
  }

  @ResolveField(() => [EventOccurrenceModel], {
    description: 'Occurrences overlapping a window, in order (a single event has one); at most `first`, up to 500',
  })
  occurrences(
    @Parent() e: EventRecord,
    @Args('from', { type: () => GraphQLISODateTime, nullable: true }) from?: Date,
    @Args('to', { type: () => GraphQLISODateTime, nullable: true }) to?: Date,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 25 }) first = 25,
  ): OccurrenceView[] {
    if (!Number.isInteger(first) || first < 1 || first > 500) throw BadUserInputError.field('first', 'first must be from 1 to 500');
    for (const [name, value] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (value && Number.isNaN(value.getTime())) throw BadUserInputError.field(name, `${name} must be an ISO-8601 date-time`);
    }
    return occurrencesOf(seriesOf(e), { from, to, limit: first }).map((o) => occurrenceView(o, e.timeZone));
  }

  @ResolveField(() => Int, { nullable: true, description: 'Seats left; null when the capacity is unlimited' })
  seatsLeft(e: EventRecord): number | null {
    return e.capacity === null ? null : Math.max(0, e.capacity - e.seatsTaken);
  }

  @ResolveField(() => DistrictModel, { nullable: true })
  district(e: EventRecord): Promise<District | null> | null {
    return e.district ? this.reference.district(e.district.id) : null;
  }

  @ResolveField(() => HousingAreaModel, { nullable: true })
  housingArea(e: EventRecord): Promise<HousingArea | null> | null {
    return e.housingArea ? this.reference.housingArea(e.housingArea.id) : null;
  }

  @ResolveField(() => OccasionModel, { nullable: true, description: 'The occasion the event marks' })
  occasion(e: EventRecord): Promise<Occasion | null> | null {
    return e.occasion ? this.reference.occasion(e.occasion.id) : null;
  }

  @ResolveField(() => [AssociationModel], {
    name: 'organizers',
    description: 'The associations organising the event: the primary one first, then co-organisers who accepted',
  })
  async organisers(e: EventRecord, _args: unknown, { loaders }: GqlContext): Promise<AssociationRecord[]> {
    const rows = await loaders.get(this.loaders.organisersByEvent).load(e.id);
    return rows.filter((o) => o.status === OrganiserStatus.ACCEPTED).map((o) => o.association);
  }

  @ResolveField(() => [AssociationModel], {
    name: 'invitedOrganizers',
    description: 'Associations invited to co-organise that have not answered yet; only organisers and admins see them',
  })
  async invitedOrganisers(e: EventRecord, _args: unknown, { loaders, req }: GqlContext): Promise<AssociationRecord[]> {
    const user = req.user;
    if (!user) return [];
    const rows = await loaders.get(this.loaders.organisersByEvent).load(e.id);
    if (user.role !== Role.ADMIN) {
      const mine = new Set(await loaders.get(this.loaders.associationIdsByUser).load(user.id));
      if (!rows.some((o) => mine.has(o.association.id))) return [];
    }
    return rows.filter((o) => o.status === OrganiserStatus.INVITED).map((o) => o.association);
  }
}
