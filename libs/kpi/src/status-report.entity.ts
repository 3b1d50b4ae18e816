import { Entity, Enum, Index, Property, Unique, type Opt } from '@mikro-orm/core';
import { BaseEntity } from '@mangfold/db';
import type { ReportSnapshot } from './kpi.types';

export enum ReportPeriod {
  /** The committee's summer report, made on 1 August. */
  AUGUST = 'AUGUST',
  /** The year-end report, made on 1 December. */
  DECEMBER = 'DECEMBER',
  /** Made by an admin whenever needed; any number per year. */
  AD_HOC = 'AD_HOC',
}

export enum ReportTrigger {
  SCHEDULE = 'SCHEDULE',
  ADMIN = 'ADMIN',
}

/**
 * A status report: every KPI of a year with its contributors, frozen at `generatedAt`. Nothing ever
 * updates a report, so a later edit of an event or a target never rewrites what was reported.
 */
@Entity({ tableName: 'status_report' })
@Index({ properties: ['year', 'generatedAt'] })
export class StatusReport extends BaseEntity {
  @Property({ type: 'smallint' })
  year!: number;

  @Enum({ items: () => ReportPeriod, nativeEnumName: 'report_period' })
  period!: ReportPeriod;

  /**
   * "2026-AUGUST" for the scheduled reports, null for AD_HOC. Unique, so however many workers run
   * the 1 August job (or an admin asks at the same moment) the database keeps exactly one report.
   */
  @Property({ type: 'string', length: 32, nullable: true })
  @Unique()
  slot: string | null = null;

  @Enum({ items: () => ReportTrigger, nativeEnumName: 'report_trigger' })
  trigger!: ReportTrigger;

  /** The moment the figures describe ("held" = ended before this). */
  @Property({ type: 'timestamptz' })
  generatedAt!: Date;

  @Property({ type: 'uuid', nullable: true })
  generatedById: string | null = null;

  /** The admin's email as it was, so the report still says who made it if the account goes. */
  @Property({ type: 'string', length: 254, nullable: true })
  generatedByEmail: string | null = null;

  /** REPORT_RECIPIENTS when the report was made; the mail goes to these. */
  @Property({ type: 'json' })
  recipients: Opt<string[]> = [];

  @Property({ type: 'json' })
  snapshot!: ReportSnapshot;
}

/** The unique slot of a scheduled report; null for reports made on demand. */
export function reportSlot(year: number, period: ReportPeriod): string | null {
  return period === ReportPeriod.AD_HOC ? null : `${year}-${period}`;
}
