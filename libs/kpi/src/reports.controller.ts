import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentUser, Public, Role, type AuthUser } from '@mangfold/auth';
import { Language, parseLanguage } from '@mangfold/common';
import { InjectConfig, type AppConfig } from '@mangfold/config';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '@mangfold/graphql';
import { reportLinkOpens } from './report-link';
import { renderStatusReportCsv } from './report-csv';
import { renderStatusReportHtml } from './report-html';
import { statusReportFileName } from './report-words';
import { StatusReportsService } from './status-reports.service';

/**
 * `/reports/:id` (printable HTML), `/reports/:id.html` and `/reports/:id.csv` (download): for
 * admins (Bearer token or portal session), or for anyone holding the `?key=` of the mailed link,
 * which opens that one report (report-link.ts). `?lang=en` for English (default Danish).
 */
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: StatusReportsService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  @Get(':file')
  @Public()
  async download(
    @Param('file') file: string,
    @Query('lang') langParam: unknown,
    @Query('key') key: unknown,
    @CurrentUser() user: AuthUser | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const match = /^([^.]+)(?:\.(html|csv))?$/i.exec(file);
    if (!match) throw new NotFoundError('The status report');
    if (!reportLinkOpens(this.config.auth.jwtSecret, match[1], key)) {
      if (!user) throw new UnauthenticatedError('This report link has expired or is not valid; log in as TFI staff to read the report');
      if (user.role !== Role.ADMIN) throw new ForbiddenError();
    }
    const report = await this.reports.get(match[1]);
    const lang = parseLanguage(langParam) ?? Language.DA;
    // A report never changes, but it is not public: private caches may keep it, shared ones may not.
    res.setHeader('Cache-Control', 'private, max-age=3600');
    res.setHeader('X-Robots-Tag', 'noindex');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (match[2]?.toLowerCase() === 'csv') {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="${statusReportFileName(report, 'csv')}"`);
      res.send(renderStatusReportCsv(report, lang));
      return;
    }
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    res.setHeader('Content-Disposition', `inline; filename="${statusReportFileName(report, 'html')}"`);
    res.send(renderStatusReportHtml(report, lang));
  }
}
