import { Injectable, Module, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { JobHandlers, JobName, QueueName, scheduleWhenRedisAnswers } from '@mangfold/jobs';
import { AssignmentsService } from './assignments.service';

@Injectable()
class WorkplanJobs implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    private readonly handlers: JobHandlers,
    private readonly assignments: AssignmentsService,
    @InjectQueue(QueueName.Maintenance) private readonly maintenance: Queue,
  ) {}

  onModuleInit(): void {
    this.handlers.register(JobName.PurgeAssignmentRequesters, () => this.assignments.purgeExpired());
  }

  onApplicationBootstrap(): void {
    scheduleWhenRedisAnswers(
      this.maintenance,
      'purge-assignment-requesters-nightly',
      { pattern: '50 3 * * *', tz: 'Europe/Copenhagen' },
      { name: JobName.PurgeAssignmentRequesters, data: {} },
    );
  }
}

/** The work plan's job handlers; only the worker imports this module (the survey mail is sent by notifications). */
@Module({ providers: [AssignmentsService, WorkplanJobs] })
export class WorkplanJobsModule {}
