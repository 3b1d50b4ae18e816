import { Args, Context, ID, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Public, Role, Roles, UserModel, type AuthUser, type User } from '@mangfold/auth';
import { ConnectionType, LocalizedField, localizedField, type Connection, type GqlContext, type LangArgs } from '@mangfold/graphql';
import { AssociationLoaders } from './association-loaders';
import type { Association, AssociationLocation, AssociationRecord } from './association.entity';
import { AssociationsService, type SignUpResult } from './associations.service';
import type { District } from './district.entity';
import type { HousingArea } from './housing-area.entity';
import { AssociationFilter, AssociationOrder } from './inputs/association-filter.input';
import { SignUpAssociationInput } from './inputs/sign-up-association.input';
import { UpdateAssociationInput } from './inputs/update-association.input';
import { AssociationLocationModel, AssociationModel } from './models/association.model';
import { SignUpPayloadModel } from './models/sign-up-payload.model';
import { DistrictModel, HousingAreaModel } from './reference.resolver';

export const AssociationConnection = ConnectionType(AssociationModel, 'Association');

@Resolver(() => AssociationModel)
export class AssociationResolver {
  constructor(
    private readonly service: AssociationsService,
    private readonly loaders: AssociationLoaders,
  ) {}

  @Public()
  @Mutation(() => SignUpPayloadModel, {
    description:
      'Signs up an association (PENDING until TFI approves it) with its first member. Anonymous callers give email and password for a new account; a logged-in member may leave both out to become the first member',
  })
  async signUpAssociation(
    @Args('input') input: SignUpAssociationInput,
    @CurrentUser() user: AuthUser | undefined,
    @Context() { req, loaders }: GqlContext,
  ): Promise<SignUpResult> {
    const result = await this.service.signUp(input, user, req.ip);
    if (result.standIn) this.loaders.primeStandIn(loaders, result.standIn);
    // The applicant is logged in from here on: the rest of this answer shows what a member sees.
    if (!user && result.accessToken) req.user = { id: result.user.id, email: result.user.email, role: result.user.role };
    return result;
  }

  @Roles(Role.ADMIN)
  @Mutation(() => AssociationModel, {
    description: 'Admin: approves a pending, rejected or suspended association; its members are told by mail',
  })
  approveAssociation(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: AuthUser): Promise<Association> {
    return this.service.approve(id, user);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => AssociationModel, { description: 'Admin: rejects a pending association; its members get the reason by mail' })
  rejectAssociation(
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
    @CurrentUser() user: AuthUser,
  ): Promise<Association> {
    return this.service.reject(id, reason, user);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => AssociationModel, {
    description: 'Admin: suspends an approved association (it stops being public and cannot publish); approveAssociation reinstates it',
  })
  suspendAssociation(
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
    @CurrentUser() user: AuthUser,
  ): Promise<Association> {
    return this.service.suspend(id, reason, user);
  }

  @Mutation(() => AssociationModel, { description: 'Changes an association; for its members and admins' })
  updateAssociation(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateAssociationInput,
    @CurrentUser() user: AuthUser,
  ): Promise<Association> {
    return this.service.update(id, input, user);
  }

  @Mutation(() => UserModel, {
    description: 'Adds a member by email (an account is created when there is none); for members of the association and admins',
  })
  addAssociationMember(
    @Args('associationId', { type: () => ID }) associationId: string,
    @Args('email') email: string,
    @CurrentUser() user: AuthUser,
  ): Promise<User> {
    return this.service.addMember(associationId, email, user);
  }

  @Mutation(() => AssociationModel, {
    description: 'Removes a member (or yourself) from an association; the last member cannot leave. For members and admins',
  })
  removeAssociationMember(
    @Args('associationId', { type: () => ID }) associationId: string,
    @Args('userId', { type: () => ID }) userId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<Association> {
    return this.service.removeMember(associationId, userId, user);
  }

  @Public()
  @Query(() => AssociationModel, {
    nullable: true,
    description: 'One association by id or slug. Associations that are not approved are visible to their members and admins only',
  })
  association(
    @Args('id', { type: () => ID, nullable: true }) id: string | undefined,
    @Args('slug', { type: () => String, nullable: true }) slug: string | undefined,
    @CurrentUser() user: AuthUser | undefined,
  ): Promise<Association | null> {
    return this.service.findOne({ id, slug }, user);
  }

  @Public()
  @Query(() => AssociationConnection, { description: 'Approved associations; admins see every status and may filter on it' })
  associations(
    @Args('filter', { type: () => AssociationFilter, nullable: true }) filter: AssociationFilter | undefined,
    @Args('first', { type: () => Int, nullable: true, description: 'Page size, 1 to 100 (default 20)' }) first: number | undefined,
    @Args('after', { type: () => String, nullable: true }) after: string | undefined,
    @Args('orderBy', { type: () => AssociationOrder, defaultValue: AssociationOrder.NAME }) orderBy: AssociationOrder,
    @CurrentUser() user: AuthUser | undefined,
  ): Promise<Connection<Association>> {
    return this.service.list(filter, first, after, orderBy, user);
  }

  @LocalizedField({ nullable: true })
  description(association: AssociationRecord, { lang }: LangArgs, ctx: GqlContext): string | null {
    return localizedField(association.description, ctx.req, lang);
  }

  @ResolveField(() => AssociationLocationModel, {
    nullable: true,
    description: 'Its public address and coordinates (the TFI-atlas); null when none is given',
  })
  location(association: AssociationRecord): AssociationLocation | null {
    const location = association.location as AssociationLocation | null | undefined;
    return location && Object.values(location).some((v) => v !== null) ? location : null;
  }

  @ResolveField(() => DistrictModel, { nullable: true })
  district(association: AssociationRecord, _args: unknown, { loaders }: GqlContext): Promise<District> | null {
    return association.district ? loaders.get(this.loaders.districtById).load(association.district.id) : null;
  }

  @ResolveField(() => HousingAreaModel, { nullable: true })
  housingArea(association: AssociationRecord, _args: unknown, { loaders }: GqlContext): Promise<HousingArea> | null {
    return association.housingArea ? loaders.get(this.loaders.housingAreaById).load(association.housingArea.id) : null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Shown when the association opted in (showContact), and to its members and admins',
  })
  async contactEmail(association: AssociationRecord, _args: unknown, ctx: GqlContext): Promise<string | null> {
    return association.showContact || (await this.canSeePrivate(association, ctx)) ? association.contactEmail : null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Shown when the association opted in (showContact), and to its members and admins',
  })
  async contactPhone(association: AssociationRecord, _args: unknown, ctx: GqlContext): Promise<string | null> {
    return association.showContact || (await this.canSeePrivate(association, ctx)) ? association.contactPhone : null;
  }

  @ResolveField(() => Boolean, { nullable: true, description: 'Whether contact details are public; members and admins only' })
  async showContact(association: AssociationRecord, _args: unknown, ctx: GqlContext): Promise<boolean | null> {
    return (await this.canSeePrivate(association, ctx)) ? association.showContact : null;
  }

  @ResolveField(() => String, { nullable: true, description: 'CVR number; members and admins only' })
  async cvr(association: AssociationRecord, _args: unknown, ctx: GqlContext): Promise<string | null> {
    return (await this.canSeePrivate(association, ctx)) ? association.cvr : null;
  }

  @ResolveField(() => String, { nullable: true, description: 'Why TFI rejected or suspended it; members and admins only' })
  async statusReason(association: AssociationRecord, _args: unknown, ctx: GqlContext): Promise<string | null> {
    return (await this.canSeePrivate(association, ctx)) ? association.statusReason : null;
  }

  @ResolveField(() => Date, { nullable: true, description: 'When TFI last changed the status; members and admins only' })
  async statusChangedAt(association: AssociationRecord, _args: unknown, ctx: GqlContext): Promise<Date | null> {
    return (await this.canSeePrivate(association, ctx)) ? association.statusChangedAt : null;
  }

  @ResolveField(() => UserModel, { nullable: true, description: 'The admin who last changed the status; admins only' })
  statusChangedBy(association: AssociationRecord, _args: unknown, { req, loaders }: GqlContext): Promise<User> | null {
    if (req.user?.role !== Role.ADMIN || !association.statusChangedBy) return null;
    return loaders.get(this.loaders.userById).load(association.statusChangedBy.id);
  }

  @ResolveField(() => [UserModel], {
    nullable: true,
    description: 'The members; visible to fellow members and admins only (null otherwise)',
  })
  async members(association: AssociationRecord, _args: unknown, ctx: GqlContext): Promise<User[] | null> {
    if (!(await this.canSeePrivate(association, ctx))) return null;
    const memberships = await ctx.loaders.get(this.loaders.membershipsByAssociation).load(association.id);
    return memberships.map((m) => m.user);
  }

  @ResolveField(() => Boolean, { description: 'Whether the caller may edit this association (a member or an admin)' })
  viewerCanEdit(association: AssociationRecord, _args: unknown, ctx: GqlContext): Promise<boolean> {
    return this.canSeePrivate(association, ctx);
  }

  private canSeePrivate(association: AssociationRecord, { req, loaders }: GqlContext): Promise<boolean> {
    return this.loaders.canSeePrivate(loaders, req.user, association.id);
  }
}
