import { Logger } from '@nestjs/common';
import type { AppConfig } from '@mangfold/config';
import { PostgreSqlDriver, defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { MigrationObject } from '@mikro-orm/core';
import { SeedManager } from '@mikro-orm/seeder';
import { NotFoundError } from './errors';

export interface SchemaDefinition {
  // MikroORM's own type for entity classes; any is what it uses.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  entities: any[];
  migrations: MigrationObject[];
}

const ormLogger = new Logger('MikroORM');

/** MikroORM options shared by the api, the worker, the CLI and the tests. */
export function createOrmOptions(config: AppConfig, schema: SchemaDefinition, overrides: Partial<Options> = {}): Options {
  if (!config.db.url) {
    throw new Error('DATABASE_URL is not set: run "npm start" for the embedded database, or point DATABASE_URL at PostgreSQL');
  }
  return defineConfig({
    driver: PostgreSqlDriver,
    clientUrl: config.db.url,
    entities: schema.entities,
    forceUtcTimezone: true,
    allowGlobalContext: false,
    debug: false,
    colors: false,
    logger: (message: string) => ormLogger.log(message),
    pool: { min: 0, max: config.db.poolMax, idleTimeoutMillis: 30_000 },
    driverOptions: {
      connection: {
        statement_timeout: config.db.statementTimeoutMs || undefined,
        application_name: 'mangfold',
      },
    },
    findOneOrFailHandler: (entityName: string) => new NotFoundError(entityName),
    migrations: {
      tableName: 'mikro_orm_migrations',
      migrationsList: schema.migrations,
      path: 'prisma-free-db/migrations',
      emit: 'ts',
      snapshot: false,
      transactional: true,
      allOrNothing: true,
      disableForeignKeys: false,
    },
    seeder: { path: 'prisma-free-db/seeders', emit: 'ts' },
    extensions: [Migrator, SeedManager],
    ...overrides,
  });
}
