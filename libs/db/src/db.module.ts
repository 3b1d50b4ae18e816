import { Module, type DynamicModule } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { APP_CONFIG, type AppConfig } from '@mangfold/config';
import { createOrmOptions, type SchemaDefinition } from './orm-options';

/**
 * MikroORM wiring. The request-context middleware forks an EntityManager per HTTP request;
 * jobs fork their own (see `withRequestContext` in @mangfold/jobs).
 */
@Module({})
export class DbModule {
  static forRoot(schema: SchemaDefinition, options: { registerRequestContext?: boolean } = {}): DynamicModule {
    return {
      module: DbModule,
      global: true,
      imports: [
        MikroOrmModule.forRootAsync({
          driver: PostgreSqlDriver,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            ...createOrmOptions(config, schema),
            registerRequestContext: options.registerRequestContext ?? true,
          }),
        }),
      ],
    };
  }
}
