import { Module } from '@nestjs/common';
import { InvolvedEventResolver, KpiBreakdownGroupResolver, KpiContributorResolver, KpiOccasionResolver, KpiResolver } from './kpi.resolver';
import { KpiService } from './kpi.service';
import { ReportsController } from './reports.controller';
import { StatusReportResolver } from './status-report.resolver';
import { StatusReportsService } from './status-reports.service';

/** KPIs, targets and status reports for the api (GraphQL and /reports/:id). */
@Module({
  controllers: [ReportsController],
  providers: [
    KpiService,
    StatusReportsService,
    KpiResolver,
    KpiContributorResolver,
    KpiBreakdownGroupResolver,
    InvolvedEventResolver,
    KpiOccasionResolver,
    StatusReportResolver,
  ],
  exports: [KpiService, StatusReportsService],
})
export class KpiModule {}
