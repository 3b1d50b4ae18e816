import { MikroORM, type Options } from '@mikro-orm/postgresql';
import type { AppConfig } from '@mangfold/config';
import { createOrmOptions, migrateDatabase } from '@mangfold/db';
import { SCHEMA } from './schema';
import { ReferenceSeeder } from './seeders/reference.seeder';

/** A MikroORM instance outside Nest (CLI, launcher, tests). */
export function initOrm(config: AppConfig, overrides: Partial<Options> = {}): Promise<MikroORM> {
  return MikroORM.init(createOrmOptions(config, SCHEMA, overrides));
}

/** Pending migrations, then the reference data; safe on every start. */
export function migrateAndSeedReference(orm: MikroORM, databaseUrl: string): Promise<string[]> {
  return migrateDatabase(orm, databaseUrl, (em) => new ReferenceSeeder().run(em));
}
