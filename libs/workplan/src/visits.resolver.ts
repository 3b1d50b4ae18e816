import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Association, AssociationLoaders, AssociationModel } from '@mangfold/associations';
import { CurrentUser, Role, Roles, type AuthUser } from '@mangfold/auth';
import { LocalizedField, localizedField, type Connection, type GqlContext, type LangArgs } from '@mangfold/graphql';
import { ProjectVisitInput, ProjectVisitsArgs } from './inputs/visit.inputs';
import { ProjectVisitConnection, ProjectVisitModel, VisitFindingModel } from './models/visit.model';
import type { ProjectVisit } from './project-visit.entity';
import { VisitsService } from './visits.service';

/** Project-bank visits: admins record and read them; the public sees a project's published findings only. */
@Resolver(() => ProjectVisitModel)
export class VisitsResolver {
  constructor(
    private readonly service: VisitsService,
    private readonly associationLoaders: AssociationLoaders,
  ) {}

  @Roles(Role.ADMIN)
  @Query(() => ProjectVisitModel, { nullable: true, description: 'One project-bank visit (admin)' })
  projectVisit(@Args('id', { type: () => ID }) id: string): Promise<ProjectVisit | null> {
    return this.service.find(id);
  }

  @Roles(Role.ADMIN)
  @Query(() => ProjectVisitConnection, { description: 'Project-bank visits, newest first (admin)' })
  projectVisits(@Args() args: ProjectVisitsArgs): Promise<Connection<ProjectVisit>> {
    return this.service.list(args);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => ProjectVisitModel, { description: 'Records a project-bank visit; the caller is the visitor (admin)' })
  recordProjectVisit(@CurrentUser() user: AuthUser, @Args('input') input: ProjectVisitInput): Promise<ProjectVisit> {
    return this.service.record(user, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => ProjectVisitModel, { description: 'Edits a project-bank visit, publishing or withdrawing its findings (admin)' })
  updateProjectVisit(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: ProjectVisitInput,
  ): Promise<ProjectVisit> {
    return this.service.update(user, id, input);
  }

  @ResolveField(() => AssociationModel)
  project(@Parent() v: ProjectVisit, @Context() { loaders }: GqlContext): Promise<Association> {
    return loaders.get(this.associationLoaders.associationById).load(v.project.id);
  }

  @ResolveField(() => String, { nullable: true, description: 'Who visited for TFI' })
  async visitorName(@Parent() v: ProjectVisit, @Context() { loaders }: GqlContext): Promise<string | null> {
    if (!v.visitor) return null;
    const user = await loaders.get(this.associationLoaders.userById).load(v.visitor.id);
    return user.name ?? user.email;
  }

  @LocalizedField({ nullable: true, description: 'Good practice found' })
  goodPractice(v: ProjectVisit, { lang }: LangArgs, ctx: GqlContext): string | null {
    return localizedField(v.goodPractice, ctx.req, lang);
  }

  @ResolveField(() => Boolean)
  findingsPublished(v: ProjectVisit): boolean {
    return v.findingsPublishedAt !== null;
  }
}

@Resolver(() => VisitFindingModel)
export class VisitFindingResolver {
  @LocalizedField({ description: 'Good practice TFI found' })
  goodPractice(v: ProjectVisit, { lang }: LangArgs, ctx: GqlContext): string {
    return localizedField(v.goodPractice, ctx.req, lang) ?? '';
  }
}

/** `Association.visitFindings`: public, published findings only (never notes or the visitor). */
@Resolver(() => AssociationModel)
export class AssociationVisitFindingsResolver {
  constructor(private readonly service: VisitsService) {}

  @ResolveField(() => [VisitFindingModel], { description: 'Good practice TFI published from its project-bank visits, newest first' })
  visitFindings(a: { id: string }, _args: unknown, { loaders }: GqlContext): Promise<ProjectVisit[]> {
    return loaders.get(this.service.findingsByProject).load(a.id);
  }
}
