import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '@mangfold/auth';
import { type AppConfig, InjectConfig, yearIn } from '@mangfold/config';
import { StatusReportsService } from '@mangfold/kpi';
import { sendPage } from '../../respond';
import { portalLanguage } from '../portal-context';
import { requireAdmin } from '../require-admin';
import { ReportsPage } from './reports.page';

@Controller('portal/admin/reports')
@Public()
export class ReportsController {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly reports: StatusReportsService,
  ) {}

  @Get()
  async list(@Req() req: Request, @Res() res: Response, @Query('year') yearParam: unknown): Promise<void> {
    const session = requireAdmin(req, res, this.config.http.publicBaseUrl);
    if (!session) return;
    const asked = typeof yearParam === 'string' && /^\d{4}$/.test(yearParam) ? Number(yearParam) : undefined;
    const year = asked ?? yearIn('Europe/Copenhagen');
    sendPage(
      res,
      <ReportsPage
        lang={portalLanguage(req)}
        baseUrl={this.config.http.publicBaseUrl}
        session={session}
        year={year}
        reports={await this.reports.list(year)}
      />,
      { cache: 'no-store' },
    );
  }
}
