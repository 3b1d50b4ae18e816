import type { Language } from '@mangfold/common';
import { STATUS_LABELS } from './kpi-labels';
import { KpiStatus } from './kpi-status';
import { renderStatusReportCsv } from './report-csv';
import { renderStatusReportHtml } from './report-html';
import { WORDS, actualText, formatFigure, reportTitle, statusReportFileName, t, type RenderableReport } from './report-words';

export interface StatusReportMail {
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; content: string; contentType: string }[];
}

/**
 * The mail for a `status-report` notification: a short summary with `link` (see report-link.ts),
 * the printable page as the HTML body and the CSV attached. The notifications lib sends it to `report.recipients`.
 */
export function statusReportMail(report: RenderableReport, options: { lang?: Language; link: string }): StatusReportMail {
  const lang = options.lang ?? 'da';
  const met = report.snapshot.kpis.filter((k) => k.status === KpiStatus.MET).length;
  const subject = `${reportTitle(report, lang)}: ${met}/${report.snapshot.kpis.length} ${lang === 'da' ? 'mål opfyldt' : 'targets met'}`;
  const lines = report.snapshot.kpis.map(
    (k) =>
      `- ${t(k.title, lang)}: ${actualText(k, lang)} / ${k.target === null ? t(WORDS.noTarget, lang) : formatFigure(k, k.target, lang)} (${t(
        STATUS_LABELS[k.status],
        lang,
      )})`,
  );
  const text = [subject, '', ...lines, '', `${lang === 'da' ? 'Hele rapporten' : 'The full report'}: ${options.link}`].join('\n');
  return {
    subject,
    text,
    html: renderStatusReportHtml(report, lang),
    attachments: [
      {
        filename: statusReportFileName(report, 'csv'),
        content: renderStatusReportCsv(report, lang),
        contentType: 'text/csv; charset=utf-8',
      },
    ],
  };
}
