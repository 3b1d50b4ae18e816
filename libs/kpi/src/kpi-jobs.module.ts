import { Injectable, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Job, Queue } from 'bullmq';
import { JobHandlers, JobName, QueueName, scheduleWhenRedisAnswers } from '@mangfold/jobs';
import { KpiService } from './kpi.service';
import { KPI_ZONE, currentKpiYear } from './kpi-year';
import { ReportPeriod, ReportTrigger } from './status-report.entity';
import { StatusReportsService } from './status-reports.service';

/** Scheduler ids are persistent (stored in Redis): renaming one leaves the old schedule running. */
export const STATUS_REPORT_SCHEDULES = [
  { id: 'status-report-august', pattern: '0 8 1 8 *', period: ReportPeriod.AUGUST },
  { id: 'status-report-december', pattern: '0 8 1 12 *', period: ReportPeriod.DECEMBER },
] as const;

/**
 * The time a scheduler meant a job to run: its id is "repeat:<scheduler>:<millis>". A late run
 * (workers down over the slot) still reports the slot's year, not the year it happens to run in.
 */
export function scheduledAt(job: Pick<Job, 'id' | 'timestamp' | 'opts'>): Date {
  const fromId = /^repeat:.+:(\d+)$/.exec(job.id ?? '')?.[1];
  if (fromId) return new Date(Number(fromId));
  const prev = (job.opts as { prevMillis?: number }).prevMillis;
  return new Date(prev ?? job.timestamp);
}

@Injectable()
export class StatusReportJobs implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('StatusReports');
  private stopped = false;

  constructor(
    private readonly handlers: JobHandlers,
    private readonly reports: StatusReportsService,
    @InjectQueue(QueueName.Reports) private readonly queue: Queue,
  ) {}

  onModuleInit(): void {
    this.handlers.register(JobName.GenerateStatusReport, async (data, job) => {
      const year = data.year ?? currentKpiYear(scheduledAt(job));
      const { report, created } = await this.reports.generate(year, ReportPeriod[data.period], { trigger: ReportTrigger.SCHEDULE });
      if (!created) this.logger.log(`the ${data.period} ${year} report exists already (${report.id}); nothing to do`);
      return { reportId: report.id, created };
    });
  }

  onApplicationBootstrap(): void {
    this.catchUpWhenReady();
    // Upserting a scheduler is idempotent, so every worker replica does it at start.
    for (const s of STATUS_REPORT_SCHEDULES) {
      scheduleWhenRedisAnswers(
        this.queue,
        s.id,
        { pattern: s.pattern, tz: KPI_ZONE },
        { name: JobName.GenerateStatusReport, data: { period: s.period } },
      );
    }
  }

  /**
   * Queues the slots no worker was up to run (`missedSlots`), under one job id per slot, so however
   * many workers start at once each slot is made once (its unique key in the database backs that up).
   */
  async catchUp(now = new Date()): Promise<{ year: number; period: ReportPeriod }[]> {
    const missed = await this.reports.missedSlots(now);
    for (const { year, period } of missed) {
      this.logger.warn(`the ${period} ${year} status report was missed (no worker ran at its slot); making it now`);
      await this.queue.add(JobName.GenerateStatusReport, { year, period }, { jobId: `status-report-missed-${year}-${period}` });
    }
    return missed;
  }

  onApplicationShutdown(): void {
    this.stopped = true;
  }

  private catchUpWhenReady(retryMs = 5_000): void {
    if (this.stopped) return;
    this.catchUp().catch((error: Error) => {
      if (this.stopped) return;
      this.logger.warn(`cannot look for missed status reports yet (${error.message}); retrying`);
      setTimeout(() => this.catchUpWhenReady(retryMs), retryMs).unref();
    });
  }
}

/** The status report job and its schedule; imported by the worker only. */
@Module({ providers: [KpiService, StatusReportsService, StatusReportJobs] })
export class KpiJobsModule {}
