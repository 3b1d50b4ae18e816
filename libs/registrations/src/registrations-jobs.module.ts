import { Injectable, Module, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { JobHandlers, JobName, QueueName, scheduleWhenRedisAnswers } from '@mangfold/jobs';
import { CapacityWatcher } from './capacity-watcher';
import { EventAccess } from './event-access.service';
import { PersonalDataService } from './personal-data.service';
import { RegistrationCountsReader } from './registration-counts';
import { RegistrationLoaders } from './registration-loaders';
import { RegistrationsService } from './registrations.service';
import { SeatLedger } from './seat-ledger';

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
  providers: [
    RegistrationsService,
    SeatLedger,
    RegistrationCountsReader,
    RegistrationLoaders,
    PersonalDataService,
    EventAccess,
    CapacityWatcher,
    RegistrationJobs,
  ],
})
export class RegistrationsJobsModule {}
