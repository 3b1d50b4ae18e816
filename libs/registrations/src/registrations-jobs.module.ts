import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { JobHandlers, JobName } from '@mangfold/jobs';
import { CapacityWatcher } from './capacity-watcher';
import { EventAccess } from './event-access.service';
import { RegistrationsService } from './registrations.service';

@Injectable()
class RegistrationJobs implements OnModuleInit {
  constructor(
    private readonly handlers: JobHandlers,
    private readonly registrations: RegistrationsService,
  ) {}

  onModuleInit(): void {
    this.handlers.register(JobName.PromoteWaitlist, ({ eventId }) => this.registrations.promoteWaitlisted(eventId));
  }
}

/** The registrations lib's job handlers; only the worker imports this module. */
@Module({ providers: [RegistrationsService, EventAccess, CapacityWatcher, RegistrationJobs] })
export class RegistrationsJobsModule {}
