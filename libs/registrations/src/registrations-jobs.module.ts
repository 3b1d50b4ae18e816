import { Injectable, Module, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { JobHandlers, JobName, QueueName, scheduleWhenRedisAnswers } from '@mangfold/jobs';
import { CORE_PROVIDERS } from './core-providers';
import { PersonalDataService } from './personal-data.service';
import { RegistrationsService } from './registrations.service';

@Injectable()
class RegistrationJobs implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    private readonly handlers: JobHandlers,
    private readonly registrations: RegistrationsService,
    private readonly personalData: PersonalDataService,
    @InjectQueue(QueueName.Maintenance) private readonly maintenance: Queue,
  ) {}

  onModuleInit(): void {
    this.handlers.register(JobName.PromoteWaitlist, ({ eventId }) => this.registrations.promoteWaitlisted(eventId));
    this.handlers.register(JobName.PurgePersonalData, () => this.personalData.purgeExpired());
  }

  onApplicationBootstrap(): void {
    scheduleWhenRedisAnswers(
      this.maintenance,
      'purge-personal-data-nightly',
      { pattern: '45 3 * * *', tz: 'Europe/Copenhagen' },
      { name: JobName.PurgePersonalData, data: {} },
    );
  }
}

/** The registrations lib's job handlers; only the worker imports this module. */
@Module({
  providers: [...CORE_PROVIDERS, RegistrationJobs],
})
export class RegistrationsJobsModule {}
