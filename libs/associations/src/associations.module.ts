import { Module } from '@nestjs/common';
import { AssociationAccess } from './association-access.service';
import { DistrictResolver, HousingAreaResolver } from './reference.resolver';

@Module({ providers: [AssociationAccess, DistrictResolver, HousingAreaResolver], exports: [AssociationAccess] })
export class AssociationsModule {}
