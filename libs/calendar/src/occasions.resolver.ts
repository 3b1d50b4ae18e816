import { Args, Context, ID, Info, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { CurrentUser, Public, Role, Roles, type AuthUser } from '@mangfold/auth';
import type { AuditEntry } from '@mangfold/db';
import { LocalizedField, localizedField, wantsTotalCount, type Connection, type GqlContext, type LangArgs } from '@mangfold/graphql';
import { CalendarLoaders } from './calendar-loaders';
import { EventQueries } from './event-queries.service';
import { CreateOccasionInput, UpdateOccasionInput } from './inputs/occasion.inputs';
import { AuditTrailArgs } from './inputs/list.args';
import { AuditEntryConnection } from './models/audit-entry.model';
import { OccasionDateModel, OccasionModel } from './models/occasion.model';
import type { OccasionDate } from './occasion-date.entity';
import type { Occasion } from './occasion.entity';
import { OccasionsService } from './occasions.service';

@Resolver(() => OccasionModel)
export class OccasionsResolver {
  constructor(
    private readonly occasionsService: OccasionsService,
    private readonly queries: EventQueries,
    private readonly loaders: CalendarLoaders,
  ) {}

  @Public()
  @Query(() => [OccasionModel], { description: 'All occasions by slug, or, given a year, those falling in it in date order' })
  occasions(@Args('year', { type: () => Int, nullable: true }) year?: number): Promise<Occasion[]> {
    return this.occasionsService.list(year);
  }

  @Public()
  @Query(() => OccasionModel, { nullable: true, description: 'One occasion by id or slug' })
  occasion(
    @Args('id', { type: () => ID, nullable: true }) id?: string,
    @Args('slug', { type: () => String, nullable: true }) slug?: string,
  ): Promise<Occasion | null> {
    return this.occasionsService.find({ id, slug });
  }

  @Roles(Role.ADMIN)
  @Query(() => AuditEntryConnection, { description: "An occasion's audit trail, newest first (admin)" })
  occasionAuditTrail(@Args() args: AuditTrailArgs, @Info() info: GraphQLResolveInfo): Promise<Connection<AuditEntry>> {
    return this.queries.auditTrail('Occasion', args.id.toLowerCase(), args.first, args.after, wantsTotalCount(info));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => OccasionModel, { description: 'Adds an occasion with its dates per year (admin)' })
  createOccasion(@CurrentUser() user: AuthUser, @Args('input') input: CreateOccasionInput): Promise<Occasion> {
    return this.occasionsService.create(user, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => OccasionModel, { description: 'Edits an occasion; dates given replace those of their years (admin)' })
  updateOccasion(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateOccasionInput,
  ): Promise<Occasion> {
    return this.occasionsService.update(user, id, input);
  }

  @LocalizedField()
  name(o: Occasion, { lang }: LangArgs, ctx: GqlContext): string {
    return localizedField(o.name, ctx.req, lang) ?? o.slug;
  }

  @LocalizedField({ nullable: true })
  description(o: Occasion, { lang }: LangArgs, ctx: GqlContext): string | null {
    return localizedField(o.description, ctx.req, lang);
  }

  @ResolveField(() => [OccasionDateModel], { description: 'Its dates, in year order; only those of `year` when given' })
  async dates(
    @Parent() o: Occasion,
    @Context() { loaders }: GqlContext,
    @Args('year', { type: () => Int, nullable: true }) year?: number,
  ): Promise<OccasionDate[]> {
    const dates = await loaders.get(this.loaders.datesByOccasion).load(o.id);
    return year === undefined || year === null ? dates : dates.filter((d) => d.year === year);
  }
}
