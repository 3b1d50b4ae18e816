import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Role, Roles } from '@mangfold/auth';
import { Language, parseLanguage } from '@mangfold/common';
import { NotFoundError } from '@mangfold/graphql';
import { renderStatusReportCsv } from './report-csv';
import { renderStatusReportHtml } from './report-html';
import { statusReportFileName } from './report-words';
import { StatusReportsService } from './status-reports.service';

/**
 * `/reports/:id` (printable HTML), `/reports/:id.html` and `/reports/:id.csv` (download); admins
 * only, with the same Bearer token as GraphQL. `?lang=en` for English (default Danish).
 */
@Controller('reports')
@Roles(Role.ADMIN)
export class ReportsController {
  constructor(private readonly reports: StatusReportsService) {}

  @Get(':file')
  async download(@Param('file') file: string, @Query('lang') langParam: unknown, @Res() res: Response): Promise<void> {
    const match = /^([^.]+)(?:\.(html|csv))?$/i.exec(file);
    if (!match) throw new NotFoundError('The status report');
    const report = await this.reports.get(match[1]);
    const lang = parseLanguage(langParam) ?? Language.DA;
    // A report never changes, but it is for admins only: private caches may keep it, shared ones may not.
    res.setHeader('Cache-Control', 'private, max-age=3600');
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
