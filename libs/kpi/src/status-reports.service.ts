import { Injectable, Logger } from '@nestjs/common';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { DateTime } from 'luxon';
import { parseUuid } from '@mangfold/common';
import { InjectConfig, type AppConfig } from '@mangfold/config';
import { BadUserInputError, ConflictError, NotFoundError } from '@mangfold/graphql';
import { AuditEntry, audit } from '@mangfold/db';
import { JobName, enqueue } from '@mangfold/jobs';
import { PERIOD_LABELS } from './kpi-labels';
import { KpiService } from './kpi.service';
import { KPI_ZONE, assertKpiYear } from './kpi-year';
import { ReportPeriod, ReportTrigger, StatusReport, reportSlot } from './status-report.entity';

/**
 * When a scheduled report's slot opens, which is also its cut-off: its figures are those of this
 * moment, however late it is made. The job runs at 08:00 that day; an admin may make it from midnight.
 */
export function slotOpensAt(year: number, period: ScheduledPeriod): Date {
  return DateTime.fromObject({ year, month: period === ReportPeriod.AUGUST ? 8 : 12, day: 1 }, { zone: KPI_ZONE }).toJSDate();
}

export type ScheduledPeriod = ReportPeriod.AUGUST | ReportPeriod.DECEMBER;

/** When the scheduler runs a slot: 08:00 on its first day, Copenhagen time (`STATUS_REPORT_SCHEDULES`). */
export function slotRunsAt(year: number, period: ScheduledPeriod): Date {
  return DateTime.fromJSDate(slotOpensAt(year, period), { zone: KPI_ZONE }).set({ hour: 8 }).toJSDate();
}

/** The scheduled slots whose run falls after `since` and not after `now`, oldest first. */
export function slotsDue(since: Date, now: Date): { year: number; period: ScheduledPeriod }[] {
  const due: { year: number; period: ScheduledPeriod }[] = [];
  for (let year = DateTime.fromJSDate(since, { zone: KPI_ZONE }).year; year <= DateTime.fromJSDate(now, { zone: KPI_ZONE }).year; year++) {
    for (const period of [ReportPeriod.AUGUST, ReportPeriod.DECEMBER] as const) {
      const run = slotRunsAt(year, period);
      if (run > since && run <= now) due.push({ year, period });
    }
  }
  return due;
}

/** The audit entry recording when a worker first armed the report schedules. */
const SCHEDULES_ARMED = {
  action: 'status-report.schedules-armed',
  entityType: 'StatusReportSchedule',
  entityId: '00000000-0000-0000-0000-000000000000',
};

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
    const asOf = period === ReportPeriod.AD_HOC ? at : slotOpensAt(year, period);
    const { kpis, associationsInvolved } = await this.kpi.snapshot(year, asOf);
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
          snapshot: { version: 1, year, asOf: asOf.toISOString(), kpis, associationsInvolved },
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

  /**
   * Scheduled slots that came due since the schedules were first armed and have no report: every
   * worker was down at the slot's run, and BullMQ's scheduler, upserted at the next start, moved on
   * to the next year. Slots before the arming were never this installation's to make.
   */
  async missedSlots(now: Date): Promise<{ year: number; period: ScheduledPeriod }[]> {
    const due = slotsDue(await this.schedulesArmedAt(now), now);
    if (due.length === 0) return [];
    const made = await this.em.fork().find(StatusReport, { slot: { $in: due.map((s) => reportSlot(s.year, s.period)!) } });
    const slots = new Set(made.map((r) => r.slot));
    return due.filter((s) => !slots.has(reportSlot(s.year, s.period)));
  }

  /** When the schedules were first armed; recorded as `now` the first time (the earliest wins a race). */
  async schedulesArmedAt(now: Date): Promise<Date> {
    const earliest = async () =>
      (await this.em.fork().findOne(AuditEntry, { action: SCHEDULES_ARMED.action }, { orderBy: { at: 'asc' } }))?.at;
    const found = await earliest();
    if (found) return found;
    await this.em.fork().transactional(async (em) => {
      audit(em, { actorId: null, ...SCHEDULES_ARMED }).at = now;
    });
    return (await earliest()) ?? now;
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
