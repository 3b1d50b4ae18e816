export * from './association-access.service';
export * from './association.entity';
export * from './associations.module';
export * from './district.entity';
export * from './housing-area.entity';
export * from './membership.entity';
export * from './reference.resolver';
export * from './models/association.model';
