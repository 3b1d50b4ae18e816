import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Role, UserModel, type User } from '@mangfold/auth';
import type { GqlContext } from '@mangfold/graphql';
import { AssociationLoaders } from './association-loaders';
import type { Association } from './association.entity';
import type { Membership } from './membership.entity';
import { AssociationModel } from './models/association.model';
import { MembershipModel } from './models/membership.model';

@Resolver(() => MembershipModel)
export class MembershipResolver {
  constructor(private readonly loaders: AssociationLoaders) {}

  @ResolveField(() => AssociationModel)
  association(@Parent() membership: Membership, @Context() { loaders }: GqlContext): Promise<Association> {
    return loaders.get(this.loaders.associationById).load(membership.association.id);
  }
}

/** Adds `memberships` to the User type of @mangfold/auth. */
@Resolver(() => UserModel)
export class UserMembershipsResolver {
  constructor(private readonly loaders: AssociationLoaders) {}

  @ResolveField(() => [MembershipModel], {
    nullable: true,
    description: 'The associations this user is a member of; visible to the user itself and admins (null otherwise)',
  })
  memberships(@Parent() user: User, @Context() { req, loaders }: GqlContext): Promise<Membership[]> | null {
    const viewer = req.user;
    if (!viewer || (viewer.id !== user.id && viewer.role !== Role.ADMIN)) return null;
    return loaders.get(this.loaders.membershipsByUser).load(user.id);
  }
}
