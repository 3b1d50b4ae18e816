import { Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { ConfigModule, type AppConfig } from '@mangfold/config';
import { DbModule } from '@mangfold/db';
import { JobsModule } from '@mangfold/jobs';
import { GraphqlApiModule } from '@mangfold/graphql';
import { LoggerModule, Metrics } from '@mangfold/observability';
import { AuthModule } from '@mangfold/auth';
import { AssociationsModule } from '@mangfold/associations';
import { CalendarModule } from '@mangfold/calendar';
import { KpiModule } from '@mangfold/kpi';
import { RegistrationsModule } from '@mangfold/registrations';
import { NotificationsModule } from '@mangfold/notifications';
import { FeedsModule } from '@mangfold/feeds';
import { WebModule } from '@mangfold/web';
import { WorkplanModule } from '@mangfold/workplan';
import { SCHEMA } from '@mangfold/prisma-free-db';
import { HealthController } from './health/health.controller';
import { HealthService } from './health/health.service';
import { HttpMetricsMiddleware } from './metrics/http-metrics.middleware';
import { MetricsController } from './metrics/metrics.controller';
import { QueueMetrics } from './metrics/queue-metrics';
import { PagesController } from './pages/pages.controller';
import { PersonalFeedController } from './personal-feed.controller';
import { PersonalDataExportResolver, PersonalDataMails } from './privacy/personal-data-export.resolver';

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
        CalendarModule,
        KpiModule,
        RegistrationsModule,
        NotificationsModule,
        FeedsModule,
        WebModule,
        WorkplanModule,
      ],
      controllers: [HealthController, MetricsController, PagesController, PersonalFeedController],
      providers: [
        { provide: Metrics, useValue: new Metrics('api') },
        HealthService,
        QueueMetrics,
        PersonalDataMails,
        PersonalDataExportResolver,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*path');
  }
}
