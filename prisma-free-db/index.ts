export * from './entities';
export * from './orm';
export * from './schema';
export * from './seeders/demo.seeder';
export * from './seeders/reference.seeder';
export * from './seeders/demo-dates';
