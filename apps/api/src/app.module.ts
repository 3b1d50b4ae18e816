import { Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { ConfigModule, type AppConfig } from '@mangfold/config';
import { DbModule } from '@mangfold/db';
import { JobsModule } from '@mangfold/jobs';
import { GraphqlApiModule } from '@mangfold/graphql';
import { LoggerModule, Metrics } from '@mangfold/observability';
import { AuthModule } from '@mangfold/auth';
import { AssociationsModule } from '@mangfold/associations';
import { FeedsModule } from '@mangfold/feeds';
import { SCHEMA } from '@mangfold/prisma-free-db';
import { HealthController } from './health/health.controller';
import { HttpMetricsMiddleware } from './metrics/http-metrics.middleware';
import { MetricsController } from './metrics/metrics.controller';

@Module({})
export class AppModule implements NestModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(config),
        DbModule.forRoot(SCHEMA),
        JobsModule.forRoot(),
        GraphqlApiModule.forRoot(),
        AuthModule,
        AssociationsModule,
        FeedsModule,
      ],
      controllers: [HealthController, MetricsController],
      providers: [{ provide: Metrics, useValue: new Metrics('api') }],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*path');
  }
}
