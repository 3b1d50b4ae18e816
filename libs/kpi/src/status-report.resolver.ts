import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Role, Roles, type AuthUser } from '@mangfold/auth';
import { InjectConfig, type AppConfig } from '@mangfold/config';
import { ReportPeriod } from './status-report.entity';
import { StatusReportsService } from './status-reports.service';
import { StatusReportModel, toStatusReportModel } from './models/status-report.model';

@Resolver(() => StatusReportModel)
@Roles(Role.ADMIN)
export class StatusReportResolver {
  constructor(
    private readonly reports: StatusReportsService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  @Query(() => [StatusReportModel], { description: "A year's status reports, newest first (admin)" })
  async statusReports(@Args('year', { type: () => Int }) year: number): Promise<StatusReportModel[]> {
    return (await this.reports.list(year)).map((r) => toStatusReportModel(r, this.config.http.publicBaseUrl));
  }

  @Query(() => StatusReportModel, { description: 'One status report (admin)' })
  async statusReport(@Args('id', { type: () => ID }) id: string): Promise<StatusReportModel> {
    return toStatusReportModel(await this.reports.get(id), this.config.http.publicBaseUrl);
  }

  @Mutation(() => StatusReportModel, {
    description:
      'Makes a status report now (admin) and mails it to REPORT_RECIPIENTS. AUGUST and DECEMBER are the scheduled slots: one each per year, from the 1st of that month; AD_HOC any time.',
  })
  async generateStatusReport(
    @Args('year', { type: () => Int }) year: number,
    @Args('period', { type: () => ReportPeriod }) period: ReportPeriod,
    @CurrentUser() user: AuthUser,
  ): Promise<StatusReportModel> {
    const report = await this.reports.generateByAdmin(year, period, { id: user.id, email: user.email });
    return toStatusReportModel(report, this.config.http.publicBaseUrl);
  }
}
