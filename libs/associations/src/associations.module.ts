import { Module } from '@nestjs/common';
import { DistrictResolver, HousingAreaResolver } from './reference.resolver';

@Module({ providers: [DistrictResolver, HousingAreaResolver] })
export class AssociationsModule {}
