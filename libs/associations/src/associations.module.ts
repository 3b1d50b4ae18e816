import { Module } from '@nestjs/common';
import { AssociationAccess } from './association-access.service';
import { AssociationLoaders } from './association-loaders';
import { AssociationProfiles } from './association-profiles.service';
import { AssociationResolver } from './association.resolver';
import { AssociationsService } from './associations.service';
import { AssociationMembers } from './association-members';
import { AssociationSignUp } from './association-sign-up';
import { MembershipResolver, UserMembershipsResolver } from './membership.resolver';
import { DistrictResolver, HousingAreaResolver } from './reference.resolver';

@Module({
  providers: [
    AssociationAccess,
    AssociationLoaders,
    AssociationProfiles,
    AssociationsService,
    AssociationSignUp,
    AssociationMembers,
    AssociationResolver,
    MembershipResolver,
    UserMembershipsResolver,
    DistrictResolver,
    HousingAreaResolver,
  ],
  exports: [AssociationAccess, AssociationLoaders, AssociationProfiles, AssociationsService],
})
export class AssociationsModule {}
