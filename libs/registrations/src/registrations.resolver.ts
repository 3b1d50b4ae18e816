import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Public, type AuthUser } from '@mangfold/auth';
import { InjectConfig, type AppConfig } from '@mangfold/config';
import { ConnectionType, preferredLanguage, type GqlContext } from '@mangfold/graphql';
import { AttendeeInput } from './inputs/attendee.input';
import { EventRegistrationsArgs } from './inputs/event-registrations.args';
import { FeedbackInput } from './inputs/feedback.input';
import { RegistrationSettingsInput } from './inputs/registration-settings.input';
import { toFeedbackModel, toRegistrationModel } from './models/mappers';
import { FeedbackModel, RegistrationCountsModel, RegistrationModel, RegistrationSettingsModel } from './models/registration.model';
import { PublicWriteLimits } from './public-write-limits';
import { RegistrationStatus } from './registration.entity';
import { PersonalDataService } from './personal-data.service';
import { RegistrationsService } from './registrations.service';
import { EventAccess } from './event-access.service';

const RegistrationConnection = ConnectionType(RegistrationModel, 'Registration');
type RegistrationConnection = InstanceType<typeof RegistrationConnection>;

@Resolver(() => RegistrationModel)
export class RegistrationsResolver {
  constructor(
    private readonly registrations: RegistrationsService,
    private readonly access: EventAccess,
    private readonly limits: PublicWriteLimits,
    private readonly personalData: PersonalDataService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  @Public()
  @Mutation(() => RegistrationModel, {
    description:
      'Registers a person (and party) for a published event; anonymous callers welcome. CONFIRMED when the party fits and nobody waits ' +
      'ahead, else WAITLISTED with a position. The same email twice for one event returns the existing registration ' +
      '(alreadyRegistered: true, no secrets; its link is mailed again).',
  })
  async registerForEvent(
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('input') input: AttendeeInput,
    @Context() ctx: GqlContext,
  ): Promise<RegistrationModel> {
    await this.limits.register(ctx.req, input.email);
    const result = await this.registrations.register(eventId, input, preferredLanguage(ctx.req, input.language));
    return toRegistrationModel(this.config, result.registration, result.created ? 'REGISTRANT' : 'REPEAT', result.waitlistPosition);
  }

  @Public()
  @Mutation(() => RegistrationModel, {
    description:
      'Cancels by the secret management token: frees the seats and promotes the waiting list in the same transaction ' +
      '(strict arrival order unless the organisers allow skipping). Cancelling again returns the cancelled registration.',
  })
  async cancelRegistration(@Args('token') token: string, @Context() ctx: GqlContext): Promise<RegistrationModel> {
    await this.limits.useToken(ctx.req);
    return toRegistrationModel(this.config, await this.registrations.cancelByToken(token), 'REGISTRANT');
  }

  @Public()
  @Mutation(() => Boolean, {
    description:
      "Erases the registrant's personal data (name, email, phone, organisation, feedback comment) through the secret " +
      'management token; an upcoming registration is cancelled first, freeing its seat. The link stops working.',
  })
  async eraseRegistration(@Args('token') token: string, @Context() ctx: GqlContext): Promise<boolean> {
    await this.limits.useToken(ctx.req);
    await this.personalData.eraseByToken(token);
    return true;
  }

  @Public()
  @Query(() => RegistrationModel, {
    nullable: true,
    description: 'The registration a secret management token opens; NOT_FOUND for a wrong or expired token',
  })
  async registration(@Args('token') token: string): Promise<RegistrationModel> {
    return toRegistrationModel(this.config, await this.registrations.findByToken(token), 'REGISTRANT');
  }

  @Query(() => RegistrationConnection, {
    description: 'An event’s registrations in arrival order. Organisers of the event and admins only.',
  })
  async eventRegistrations(@Args() args: EventRegistrationsArgs, @CurrentUser() user: AuthUser): Promise<RegistrationConnection> {
    const page = await this.registrations.listForEvent(user, args.eventId, args);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toRegistrationModel(this.config, e.node, 'ORGANIZER') })) };
  }

  @Public()
  @Query(() => RegistrationCountsModel, {
    nullable: true,
    description: 'Seats and head counts of an event’s registrations (no personal data); null for an unknown event',
  })
  async eventRegistrationCounts(
    @Args('eventId', { type: () => ID }) eventId: string,
    @Context() { loaders }: GqlContext,
  ): Promise<RegistrationCountsModel | null> {
    return loaders.get(this.registrations.countsByEvent).load(eventId);
  }

  @Mutation(() => RegistrationModel, {
    description: 'Marks a confirmed registrant as arrived (from 24 hours before the start). Organisers and admins.',
  })
  async checkIn(
    @Args('registrationId', { type: () => ID }) registrationId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<RegistrationModel> {
    return toRegistrationModel(this.config, await this.registrations.checkIn(user, registrationId), 'ORGANIZER');
  }

  @Mutation(() => RegistrationModel, { description: 'Takes back a check-in made by mistake. Organisers and admins.' })
  async undoCheckIn(
    @Args('registrationId', { type: () => ID }) registrationId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<RegistrationModel> {
    return toRegistrationModel(this.config, await this.registrations.checkIn(user, registrationId, true), 'ORGANIZER');
  }

  @Public()
  @Mutation(() => FeedbackModel, {
    description: 'A satisfaction answer by the registrant’s token, once the event has ended; once per registration (CONFLICT after that)',
  })
  async submitFeedback(
    @Args('token') token: string,
    @Args('input') input: FeedbackInput,
    @Context() ctx: GqlContext,
  ): Promise<FeedbackModel> {
    await this.limits.useToken(ctx.req);
    return toFeedbackModel(await this.registrations.submitFeedback(token, input));
  }

  @Query(() => RegistrationSettingsModel, { description: 'How an event’s waiting list behaves. Organisers of the event and admins.' })
  async registrationSettings(
    @Args('eventId', { type: () => ID }) eventId: string,
    @CurrentUser() user: AuthUser,
    @Context() { loaders }: GqlContext,
  ): Promise<RegistrationSettingsModel> {
    const id = await this.access.assertCanManage(user, eventId);
    return { eventId: id, allowWaitlistSkipping: await loaders.get(this.registrations.settingsByEvent).load(id) };
  }

  @Mutation(() => RegistrationSettingsModel, {
    description:
      'Sets how an event’s waiting list behaves; allowing skipping promotes the waiting parties that now fit. Organisers and admins.',
  })
  async updateRegistrationSettings(
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('input') input: RegistrationSettingsInput,
    @CurrentUser() user: AuthUser,
  ): Promise<RegistrationSettingsModel> {
    const settings = await this.registrations.updateSettings(user, eventId, input.allowWaitlistSkipping);
    return { eventId: settings.event.id, allowWaitlistSkipping: settings.allowWaitlistSkipping };
  }

  @ResolveField(() => Int, { nullable: true, description: 'Place on the waiting list (1 = next in line); null unless WAITLISTED' })
  async waitlistPosition(@Parent() registration: RegistrationModel, @Context() { loaders }: GqlContext): Promise<number | null> {
    if (registration.status !== RegistrationStatus.WAITLISTED) return null;
    if (registration.knownWaitlistPosition) return registration.knownWaitlistPosition;
    return loaders.get(this.registrations.waitlistPositions).load(registration.id);
  }

  @ResolveField(() => FeedbackModel, { nullable: true, description: 'The registrant’s feedback; shown only to the registrant' })
  async feedback(@Parent() registration: RegistrationModel, @Context() { loaders }: GqlContext): Promise<FeedbackModel | null> {
    if (registration.audience !== 'REGISTRANT') return null;
    const feedback = await loaders.get(this.registrations.feedbackByRegistration).load(registration.id);
    return feedback && toFeedbackModel(feedback);
  }
}
