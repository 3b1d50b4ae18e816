import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { JobName, JobPayloads, Notification } from '@mangfold/jobs';
import { AccountMails } from './mails/account-mails';
import { AdminMails } from './mails/admin-mails';
import { EventNotices } from './mails/event-notices';
import type { Handler, HandlersFor, Outcome } from './mails/mail-kit';
import type { NotificationKind } from './mails/mail-kinds';
import { OrganiserMails } from './mails/organiser-mails';
import { ParticipantMails } from './mails/participant-mails';
import { RegistrantMails } from './mails/registrant-mails';
import { ReportMails } from './mails/report-mails';

export type { Outcome } from './mails/mail-kit';
export { moveFingerprint } from './mails/move-fingerprint';

/**
 * Turns notifications into mails, through one handler per kind; the handlers live with their
 * audience (registrants, organisers, accounts, admins, participants, reports). Every handler
 * re-reads what it tells about (a mail shows the data as it is when sent, and says nothing that
 * stopped being true) and sends under a key that names the occasion, so no retry or duplicate job
 * mails twice.
 */
@Injectable()
export class Notifier {
  /** Typed so that a notification kind without a handler fails typecheck. */
  private readonly handlers: HandlersFor<NotificationKind>;

  constructor(
    private readonly registrants: RegistrantMails,
    notices: EventNotices,
    accounts: AccountMails,
    admins: AdminMails,
    organisers: OrganiserMails,
    participants: ParticipantMails,
    reports: ReportMails,
  ) {
    this.handlers = {
      ...registrants.handlers(),
      ...notices.handlers(),
      ...accounts.handlers(),
      ...admins.handlers(),
      ...organisers.handlers(),
      ...participants.handlers(),
      ...reports.handlers(),
    };
  }

  notify(n: Notification, job?: Job): Promise<Outcome> {
    const handler = this.handlers[n.kind] as Handler<NotificationKind>;
    return handler(n, job);
  }

  sendReminder(data: JobPayloads[JobName.SendReminder], job?: Job, now = Date.now()): Promise<Outcome> {
    return this.registrants.sendReminder(data, job, now);
  }

  sendFeedbackRequest(data: JobPayloads[JobName.SendFeedbackRequest], job?: Job): Promise<Outcome> {
    return this.registrants.sendFeedbackRequest(data, job);
  }
}
