import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule, type AppConfig } from '@mangfold/config';
import { DbModule } from '@mangfold/db';
import { JobsModule, OutboxMaintenance } from '@mangfold/jobs';
import { KpiJobsModule } from '@mangfold/kpi';
import { LoggerModule } from '@mangfold/observability';
import { NotificationsJobsModule } from '@mangfold/notifications';
import { FeedsJobsModule } from '@mangfold/feeds';
import { SCHEMA } from '@mangfold/prisma-free-db';
import { RegistrationsJobsModule } from '@mangfold/registrations';
import { WorkplanJobsModule } from '@mangfold/workplan';

/** The worker: BullMQ processors of every lib, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(config),
        DbModule.forRoot(SCHEMA, { registerRequestContext: false }),
        JobsModule.forRoot(),
        JobsModule.worker(),
        KpiJobsModule,
        RegistrationsJobsModule,
        NotificationsJobsModule,
        FeedsJobsModule,
        WorkplanJobsModule,
      ],
      providers: [OutboxMaintenance],
    };
  }
}
