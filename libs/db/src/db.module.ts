import { Module, type DynamicModule } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { APP_CONFIG, type AppConfig } from '@mangfold/config';
import { DatabaseChanges } from './database-changes';
import { createOrmOptions, type SchemaDefinition } from './orm-options';

/**
 * MikroORM wiring. The request-context middleware forks an EntityManager per HTTP request;
 * jobs fork their own (see `withRequestContext` in @mangfold/jobs). Every pool connection listens
 * for the changes its own transactions announce (DatabaseChanges), one instance per application.
 */
@Module({})
export class DbModule {
  static forRoot(schema: SchemaDefinition, options: { registerRequestContext?: boolean } = {}): DynamicModule {
    const changes = new DatabaseChanges();
    return {
      module: DbModule,
      global: true,
      imports: [
        MikroOrmModule.forRootAsync({
          driver: PostgreSqlDriver,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => {
            const orm = createOrmOptions(config, schema);
            return {
              ...orm,
              pool: { ...orm.pool, afterCreate: changes.afterCreate },
              registerRequestContext: options.registerRequestContext ?? true,
            };
          },
        }),
      ],
      providers: [{ provide: DatabaseChanges, useValue: changes }],
      exports: [DatabaseChanges],
    };
  }
}
