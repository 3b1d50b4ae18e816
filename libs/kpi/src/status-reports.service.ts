import { Injectable, Logger } from '@nestjs/common';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { DateTime } from 'luxon';
import { parseUuid } from '@mangfold/common';
import { InjectConfig, type AppConfig } from '@mangfold/config';
import { BadUserInputError, ConflictError, NotFoundError } from '@mangfold/graphql';
import { JobName, enqueue } from '@mangfold/jobs';
import { PERIOD_LABELS } from './kpi-labels';
import { KpiService } from './kpi.service';
import { KPI_ZONE, assertKpiYear } from './kpi-year';
import { ReportPeriod, ReportTrigger, StatusReport, reportSlot } from './status-report.entity';

/** When a scheduled report's slot opens: the job runs at 08:00 that day; an admin may make it from midnight. */
export function slotOpensAt(year: number, period: ReportPeriod.AUGUST | ReportPeriod.DECEMBER): Date {
  return DateTime.fromObject({ year, month: period === ReportPeriod.AUGUST ? 8 : 12, day: 1 }, { zone: KPI_ZONE }).toJSDate();
}

export interface GenerateOptions {
  trigger: ReportTrigger;
  by?: { id: string; email: string };
  at?: Date;
}

@Injectable()
export class StatusReportsService {
  private readonly logger = new Logger('StatusReports');

  constructor(
    private readonly em: EntityManager,
    private readonly kpi: KpiService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /**
   * Makes a report, or finds the one its slot already has. Scheduled slots are unique in the
   * database, so two workers running the same slot at once leave one report and one mail: the
   * loser's transaction (report and mail job together) rolls back on the unique key.
   */
  async generate(year: number, period: ReportPeriod, options: GenerateOptions): Promise<{ report: StatusReport; created: boolean }> {
    const at = options.at ?? new Date();
    assertKpiYear(year, at);
    const slot = reportSlot(year, period);
    if (slot) {
      const existing = await this.em.findOne(StatusReport, { slot });
      if (existing) return { report: existing, created: false };
    }
    const { kpis, associationsInvolved } = await this.kpi.snapshot(year, at);
    const recipients = this.config.reports.recipients;
    try {
      const report = await this.em.transactional(async (em) => {
        const row = em.create(StatusReport, {
          year,
          period,
          slot,
          trigger: options.trigger,
          generatedAt: at,
          generatedById: options.by?.id ?? null,
          generatedByEmail: options.by?.email ?? null,
          recipients,
          snapshot: { version: 1, year, asOf: at.toISOString(), kpis, associationsInvolved },
        });
        if (recipients.length > 0) {
          enqueue(em, JobName.Notify, { kind: 'status-report', reportId: row.id }, { jobId: `status-report-${row.id}` });
        }
        return row;
      });
      this.logger.log(`status report ${report.id} for ${year} (${period}) made by ${options.trigger}`);
      return { report, created: true };
    } catch (error) {
      if (slot && error instanceof UniqueConstraintViolationException) {
        return { report: await this.em.fork().findOneOrFail(StatusReport, { slot }), created: false };
      }
      throw error;
    }
  }

  /** `generateStatusReport` of an admin: a scheduled slot only once it has opened, and only once. */
  async generateByAdmin(year: number, period: ReportPeriod, by: { id: string; email: string }, at = new Date()): Promise<StatusReport> {
    assertKpiYear(year, at);
    if (period !== ReportPeriod.AD_HOC) {
      const opens = slotOpensAt(year, period);
      if (at < opens) {
        const day = DateTime.fromJSDate(opens, { zone: KPI_ZONE }).setLocale('en').toFormat('d LLLL yyyy');
        throw BadUserInputError.field(
          'period',
          `the ${PERIOD_LABELS[period].en} ${year} report can be made from ${day}; use AD_HOC for one now`,
        );
      }
    }
    const { report, created } = await this.generate(year, period, { trigger: ReportTrigger.ADMIN, by, at });
    if (!created) {
      throw new ConflictError(
        `The ${PERIOD_LABELS[period].en} ${year} status report was already made on ${report.generatedAt.toISOString()}; use AD_HOC for a fresh one`,
        { reportId: report.id },
      );
    }
    return report;
  }

  list(year: number): Promise<StatusReport[]> {
    assertKpiYear(year);
    return this.em.find(StatusReport, { year }, { orderBy: { generatedAt: 'desc', id: 'asc' } });
  }

  async get(id: string): Promise<StatusReport> {
    const uuid = parseUuid(id);
    const report = uuid ? await this.em.findOne(StatusReport, { id: uuid }) : null;
    if (!report) throw new NotFoundError('The status report');
    return report;
  }
}
