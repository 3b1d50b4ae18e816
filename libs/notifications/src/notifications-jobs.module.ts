import { Injectable, Logger, Module, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@mangfold/config';
import { JobHandlers, JobName } from '@mangfold/jobs';
import { FileTransport, SmtpTransport, type MailTransport } from './mail-transport';
import { MAIL_TRANSPORT, MailSender } from './mail-sender.service';
import { AccountMails } from './mails/account-mails';
import { AdminMails } from './mails/admin-mails';
import { EventNotices } from './mails/event-notices';
import { MailKit } from './mails/mail-kit';
import { OrganiserMails } from './mails/organiser-mails';
import { ParticipantMails } from './mails/participant-mails';
import { RegistrantMails } from './mails/registrant-mails';
import { ReportMails } from './mails/report-mails';
import { Notifier } from './notifier.service';
import { NOTIFICATION_TIMING, ReminderScheduler, type NotificationTiming } from './reminder-scheduler.service';

/** SMTP when SMTP_URL is set; otherwise .eml files in the outbox directory. */
export function createMailTransport(config: AppConfig): MailTransport {
  return config.mail.smtpUrl ? new SmtpTransport(config.mail.smtpUrl) : new FileTransport(config.mail.outboxDir);
}

@Injectable()
class NotificationJobs implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly handlers: JobHandlers,
    private readonly notifier: Notifier,
    private readonly sender: MailSender,
  ) {}

  onModuleInit(): void {
    this.handlers.register(JobName.Notify, (data, job) => this.notifier.notify(data, job));
    this.handlers.register(JobName.SendReminder, (data, job) => this.notifier.sendReminder(data, job));
    this.handlers.register(JobName.SendFeedbackRequest, (data, job) => this.notifier.sendFeedbackRequest(data, job));
  }

  onApplicationBootstrap(): void {
    this.logger.log(`mail goes out as ${this.sender.transportDescription}`);
  }
}

/** The mail jobs: notifications, reminders and feedback requests. Imported by apps/worker only. */
@Module({
  providers: [
    { provide: MAIL_TRANSPORT, inject: [APP_CONFIG], useFactory: createMailTransport },
    {
      provide: NOTIFICATION_TIMING,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): NotificationTiming => ({ feedbackDelayMs: config.mail.feedbackDelayMinutes * 60_000 }),
    },
    MailSender,
    ReminderScheduler,
    MailKit,
    RegistrantMails,
    EventNotices,
    AccountMails,
    AdminMails,
    OrganiserMails,
    ParticipantMails,
    ReportMails,
    Notifier,
    NotificationJobs,
  ],
  exports: [MailSender, ReminderScheduler, Notifier],
})
export class NotificationsJobsModule {}
