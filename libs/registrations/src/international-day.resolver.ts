import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Public, Role, Roles, type AuthUser } from '@mangfold/auth';
import { AssociationLoaders } from '@mangfold/associations';
import { ConnectionType, LocalizedField, localizedField, type GqlContext, type LangArgs } from '@mangfold/graphql';
import { InternationalDayService } from './international-day.service';
import { CreateInternationalDayInput, ParticipationsArgs, UpdateInternationalDayInput } from './inputs/international-day.input';
import { ParticipationInput } from './inputs/participation.input';
import { toInternationalDayModel, toParticipationModel } from './models/mappers';
import {
  InternationalDayModel,
  ParticipationKindCountModel,
  ParticipationModel,
  ParticipationStatusCountModel,
} from './models/international-day.model';

const ParticipationConnection = ConnectionType(ParticipationModel, 'Participation');
type ParticipationConnection = InstanceType<typeof ParticipationConnection>;

@Resolver(() => InternationalDayModel)
export class InternationalDayResolver {
  constructor(private readonly days: InternationalDayService) {}

  @Public()
  @Query(() => InternationalDayModel, {
    nullable: true,
    description:
      'The International Day of a year: its event, stands, registration window, practical information and counts (no personal data)',
  })
  async internationalDay(@Args('year', { type: () => Int }) year: number): Promise<InternationalDayModel | null> {
    const day = await this.days.findByYear(year);
    return day && toInternationalDayModel(day);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => InternationalDayModel, {
    description: 'Sets up a year’s International Day on its event (kind INTERNATIONAL_DAY). Admin.',
  })
  async createInternationalDay(@Args('input') input: CreateInternationalDayInput): Promise<InternationalDayModel> {
    return toInternationalDayModel(await this.days.create(input));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => InternationalDayModel, {
    description:
      'Changes a year’s International Day. A higher stand capacity promotes the waiting list; a lower one unconfirms nobody. Admin.',
  })
  async updateInternationalDay(
    @Args('year', { type: () => Int }) year: number,
    @Args('input') input: UpdateInternationalDayInput,
  ): Promise<InternationalDayModel> {
    return toInternationalDayModel(await this.days.update(year, input));
  }

  @ResolveField(() => Boolean, { description: 'Whether participants can register now' })
  registrationOpen(@Parent() day: InternationalDayModel): boolean {
    const now = Date.now();
    return day.registrationOpensAt.getTime() <= now && now < day.registrationClosesAt.getTime();
  }

  @LocalizedField({ nullable: true, description: 'Practical information for participants (arrival, set-up, electricity, …)' })
  practicalInfo(day: InternationalDayModel, { lang }: LangArgs, ctx: GqlContext): string | null {
    return localizedField(day.practicalInfo, ctx.req, lang);
  }

  @ResolveField(() => Int, { description: 'Stands held by confirmed participations' })
  async standsTaken(@Parent() day: InternationalDayModel, @Context() { loaders }: GqlContext): Promise<number> {
    return (await loaders.get(this.days.countsByDay).load(day.id)).standsTaken;
  }

  @ResolveField(() => Int, { description: 'Stands still free (0 while a lowered capacity is still overbooked)' })
  async standsLeft(@Parent() day: InternationalDayModel, @Context() { loaders }: GqlContext): Promise<number> {
    return Math.max(0, day.standCapacity - (await loaders.get(this.days.countsByDay).load(day.id)).standsTaken);
  }

  @ResolveField(() => [ParticipationStatusCountModel], { description: 'Participations per status, every status listed' })
  async countsByStatus(@Parent() day: InternationalDayModel, @Context() { loaders }: GqlContext): Promise<ParticipationStatusCountModel[]> {
    return (await loaders.get(this.days.countsByDay).load(day.id)).byStatus;
  }

  @ResolveField(() => [ParticipationKindCountModel], { description: 'Participations per kind of participant, every kind listed' })
  async countsByKind(@Parent() day: InternationalDayModel, @Context() { loaders }: GqlContext): Promise<ParticipationKindCountModel[]> {
    return (await loaders.get(this.days.countsByDay).load(day.id)).byKind;
  }
}

@Resolver(() => ParticipationModel)
export class ParticipationResolver {
  constructor(
    private readonly days: InternationalDayService,
    private readonly associations: AssociationLoaders,
  ) {}

  @Mutation(() => ParticipationModel, {
    description:
      'Registers for a year’s International Day while its window is open: a member for its (approved) association, or TFI for any ' +
      'association or for an organisation or embassy without an account. Starts PENDING until TFI decides.',
  })
  async registerForInternationalDay(
    @Args('year', { type: () => Int }) year: number,
    @Args('input') input: ParticipationInput,
    @CurrentUser() user: AuthUser,
  ): Promise<ParticipationModel> {
    return toParticipationModel(await this.days.register(user, year, input));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => ParticipationModel, {
    description:
      'Confirms a participation: a stand when one is free or none is needed, else WAITLISTED (confirmed stands never exceed the capacity). Admin.',
  })
  async confirmParticipation(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: AuthUser): Promise<ParticipationModel> {
    return toParticipationModel(await this.days.confirm(user, id));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => ParticipationModel, {
    description: 'Declines a participation with a reason the participant is told; its stand goes to the waiting list. Admin.',
  })
  async declineParticipation(
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
    @CurrentUser() user: AuthUser,
  ): Promise<ParticipationModel> {
    return toParticipationModel(await this.days.decline(user, id, reason));
  }

  @Mutation(() => ParticipationModel, {
    description:
      'Withdraws a participation (a member of the participating association, or TFI); its stand goes to the next on the waiting list.',
  })
  async cancelParticipation(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: AuthUser): Promise<ParticipationModel> {
    return toParticipationModel(await this.days.cancel(user, id));
  }

  @Query(() => ParticipationModel, { description: 'One participation: TFI, or a member of the participating association' })
  async participation(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: AuthUser): Promise<ParticipationModel> {
    return toParticipationModel(await this.days.findForUser(user, id));
  }

  @Query(() => ParticipationConnection, {
    description: 'A year’s participations in application order: all for TFI, a member’s own associations’ otherwise',
  })
  async participations(@Args() args: ParticipationsArgs, @CurrentUser() user: AuthUser): Promise<ParticipationConnection> {
    const page = await this.days.list(user, args);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toParticipationModel(e.node) })) };
  }

  @ResolveField(() => Int)
  async year(@Parent() p: ParticipationModel, @Context() { loaders }: GqlContext): Promise<number> {
    return (await loaders.get(this.days.dayById).load(p.internationalDayId)).year;
  }

  @ResolveField(() => String, { description: 'The association’s name, or the organisation’s as TFI registered it' })
  async participantName(@Parent() p: ParticipationModel, @Context() { loaders }: GqlContext): Promise<string> {
    if (!p.associationId) return p.organisationName ?? '';
    return (await loaders.get(this.associations.associationById).load(p.associationId)).name;
  }

  @ResolveField(() => Int, { nullable: true, description: 'Place on the waiting list for a stand (1 = next); null unless WAITLISTED' })
  async waitlistPosition(@Parent() p: ParticipationModel, @Context() { loaders }: GqlContext): Promise<number | null> {
    return p.status === 'WAITLISTED' ? loaders.get(this.days.waitlistPositions).load(p.id) : null;
  }
}
