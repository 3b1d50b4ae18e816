import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ReportPeriod, ReportTrigger, type StatusReport } from '../status-report.entity';
import { AssociationInvolvementModel, KpiModel, toInvolvementModel, toKpiModel } from './kpi.model';

registerEnumType(ReportPeriod, {
  name: 'ReportPeriod',
  valuesMap: {
    AUGUST: { description: 'The summer report; made automatically on 1 August at 08:00 (Copenhagen)' },
    DECEMBER: { description: 'The year-end report; made automatically on 1 December at 08:00 (Copenhagen)' },
    AD_HOC: { description: 'Made on demand, any number per year' },
  },
});
registerEnumType(ReportTrigger, { name: 'ReportTrigger' });

@ObjectType('StatusReport', { description: 'Every KPI of a year with its contributors, as it stood when the report was made' })
export class StatusReportModel {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => ReportPeriod)
  period!: ReportPeriod;

  @Field(() => ReportTrigger)
  trigger!: ReportTrigger;

  @Field(() => Date, { description: 'The moment the figures describe' })
  generatedAt!: Date;

  @Field(() => String, { nullable: true, description: 'The admin who made it; null for a scheduled report' })
  generatedBy!: string | null;

  @Field(() => [String], { description: 'Who it was mailed to' })
  recipients!: string[];

  @Field(() => [KpiModel])
  kpis!: KpiModel[];

  @Field(() => AssociationInvolvementModel)
  associationsInvolved!: AssociationInvolvementModel;

  @Field({ description: 'The printable page (admins only: send the Bearer token)' })
  htmlUrl!: string;

  @Field({ description: 'The CSV download (admins only: send the Bearer token)' })
  csvUrl!: string;
}

export function toStatusReportModel(report: StatusReport, baseUrl: string): StatusReportModel {
  const url = `${baseUrl.replace(/\/+$/, '')}/reports/${report.id}`;
  return Object.assign(new StatusReportModel(), {
    id: report.id,
    year: report.year,
    period: report.period,
    trigger: report.trigger,
    generatedAt: report.generatedAt,
    generatedBy: report.generatedByEmail,
    recipients: report.recipients,
    kpis: report.snapshot.kpis.map((k) => toKpiModel(k, { contributors: k.contributors, breakdowns: k.breakdowns })),
    associationsInvolved: toInvolvementModel(report.snapshot.associationsInvolved),
    htmlUrl: `${url}.html`,
    csvUrl: `${url}.csv`,
  });
}
