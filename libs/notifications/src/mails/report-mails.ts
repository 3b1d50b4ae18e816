import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { StatusReport, mailedReportUrl, statusReportMail } from '@mangfold/kpi';
import { Assignment, requesterSurveyMail } from '@mangfold/workplan';
import type { OutgoingMail } from '../mail-sender.service';
import { renderMail } from '../render';
import { MailKit, type HandlersFor, type Outcome } from './mail-kit';

/** Mails other libs write the content of: status reports and the work plan's survey. */
@Injectable()
export class ReportMails {
  constructor(private readonly kit: MailKit) {}

  handlers(): HandlersFor<'status-report' | 'requester-survey'> {
    return {
      'status-report': (n, job) => this.statusReport(n.reportId, job),
      'requester-survey': (n, job) => this.requesterSurvey(n.assignmentId, job),
    };
  }

  /** The work plan's satisfaction survey, once per assignment (the key), in the requester's language. */
  private async requesterSurvey(assignmentId: string, job?: Job): Promise<Outcome> {
    const assignment = await this.kit.em.findOne(Assignment, { id: assignmentId });
    if (!assignment) return 'skipped: assignment gone';
    const content = requesterSurveyMail(this.kit.config, assignment);
    if (!content) return 'skipped: no requester to ask';
    const rendered = renderMail(this.kit.config, content.locale, content);
    const mail: OutgoingMail = { key: `requester-survey:${assignmentId}`, kind: 'requester-survey', to: content.to, ...rendered };
    return this.kit.send(mail, job);
  }

  /**
   * The report as it was frozen, to the recipients named when it was made (Danish; the CSV
   * attached), with a link that opens it without an account.
   */
  private async statusReport(reportId: string, job?: Job): Promise<Outcome> {
    const report = await this.kit.em.findOne(StatusReport, { id: reportId });
    if (!report) return 'skipped: report gone';
    if (report.recipients.length === 0) return 'skipped: no recipients';
    const { publicBaseUrl } = this.kit.config.http;
    const mail = statusReportMail(report, { lang: 'da', link: mailedReportUrl(publicBaseUrl, this.kit.config.auth.jwtSecret, report.id) });
    const mails: OutgoingMail[] = report.recipients.map((to) => ({
      key: `status-report:${report.id}:${to}`,
      kind: 'status-report',
      to,
      locale: 'da',
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      attachments: mail.attachments,
    }));
    return this.kit.sendAll(mails, job);
  }
}
