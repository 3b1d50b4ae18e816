import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Job, Queue } from 'bullmq';
import type { Language } from '@mangfold/common';
import { InjectConfig, type AppConfig } from '@mangfold/config';
import { localize } from '@mangfold/db';
import { Role, User } from '@mangfold/auth';
import { Association, AssociationStatus, Membership } from '@mangfold/associations';
import { Event, EventOrganizer, EventStatus, OrganizerRole, OrganizerStatus } from '@mangfold/calendar';
import { Feedback, Participation, ParticipationStatus, Registration, RegistrationStatus, CancelledBy } from '@mangfold/registrations';
import { JobName, QueueName, type JobPayloads, type Notification } from '@mangfold/jobs';
import { StatusReport, statusReportMail } from '@mangfold/kpi';
import { feedEventDataOf, renderEventAttachment, themesOf } from '@mangfold/feeds';
import { Assignment, requesterSurveyMail } from '@mangfold/workplan';
import { eventView } from './event-view';
import { adminEventUrl, createPasswordResetLink, feedbackUrl, registrationManagementUrl } from './links';
import { MailSender, type OutgoingMail, type SendResult } from './mail-sender.service';
import { renderMail } from './render';
import { eventOverAt, reminderOffsets, ReminderScheduler } from './reminder-scheduler.service';
import type { MailContent } from './templates/layout';
import { textsFor, type RegistrationView, type Texts } from './templates/texts';

export type Outcome = SendResult | `skipped: ${string}` | { fannedOut: number } | { sent: number; skipped: number };

const FAN_OUT_PAGE = 500;
const PASSWORD_RESET_TTL_SECONDS = 3600;
const NEW_ACCOUNT_LINK_TTL_SECONDS = 7 * 24 * 3600;

/** The time and place an event-moved mail is about; a newer move gets a new fingerprint, and its own mail. */
export function moveFingerprint(event: Event): string {
  const l = event.location;
  const parts = [
    event.startsAt.toISOString(),
    event.endsAt.toISOString(),
    event.allDay,
    event.timeZone,
    l.name,
    l.address,
    l.postalCode,
    l.city,
  ];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16);
}

function isFinalAttempt(job: Job | undefined): boolean {
  return !!job && job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}

/**
 * Turns notifications into mails. Every handler re-reads what it tells about (a mail shows the
 * data as it is when sent, and says nothing that stopped being true) and sends through
 * MailSender under a key that names the occasion, so no retry or duplicate job mails twice.
 */
@Injectable()
export class Notifier {
  private readonly logger = new Logger('Notifier');

  constructor(
    private readonly em: EntityManager,
    private readonly sender: MailSender,
    private readonly reminders: ReminderScheduler,
    @InjectConfig() private readonly config: AppConfig,
    @InjectQueue(QueueName.Mail) private readonly mailQueue: Queue,
  ) {}

  async notify(n: Notification, job?: Job): Promise<Outcome> {
    switch (n.kind) {
      case 'registration-confirmed':
      case 'registration-promoted':
        return this.registrationSeated(n.registrationId, n.kind, job);
      case 'registration-waitlisted':
        return this.registrationWaitlisted(n.registrationId, job);
      case 'registration-cancelled':
        return this.registrationCancelled(n.registrationId, job);
      case 'event-moved':
        return this.fanOutMoved(n.eventId);
      case 'event-cancelled':
        return this.fanOutCancelled(n.eventId, n.reason);
      case 'registrant-event-moved':
        return this.registrantMoved(n.registrationId, n.fingerprint, job);
      case 'registrant-event-cancelled':
        return this.registrantCancelled(n.registrationId, n.reason, job);
      case 'association-approved':
      case 'association-rejected':
        return this.associationDecided(n, job);
      case 'member-added':
        return this.memberAdded(n.associationId, n.userId, job);
      case 'password-reset':
        return this.passwordReset(n.userId, job);
      case 'sign-up-existing-account':
        return this.signUpExistingAccount(n.userId, n.associationName, job);
      case 'event-submitted':
        return this.eventSubmitted(n.eventId, job);
      case 'event-published':
      case 'event-rejected':
        return this.eventDecided(n, job);
      case 'co-organizer-invited':
        return this.coOrganizerInvited(n.eventId, n.associationId, job);
      case 'participation-received':
      case 'participation-confirmed':
      case 'participation-waitlisted':
      case 'participation-declined':
        return this.participation(n, job);
      case 'status-report':
        return this.statusReport(n.reportId, job);
      case 'requester-survey':
        return this.requesterSurvey(n.assignmentId, job);
    }
  }

  /** The work plan's satisfaction survey, once per assignment (the key), in the requester's language. */
  private async requesterSurvey(assignmentId: string, job?: Job): Promise<Outcome> {
    const assignment = await this.em.findOne(Assignment, { id: assignmentId });
    if (!assignment) return 'skipped: assignment gone';
    const content = requesterSurveyMail(this.config, assignment);
    if (!content) return 'skipped: no requester to ask';
    const rendered = renderMail(this.config, content.locale, content);
    const mail: OutgoingMail = { key: `requester-survey:${assignmentId}`, kind: 'requester-survey', to: content.to, ...rendered };
    return this.sender.send(mail, { final: isFinalAttempt(job) });
  }

  // --- status reports ------------------------------------------------------------------------

  /** The report as it was frozen, to the recipients named when it was made (Danish; the CSV attached). */
  private async statusReport(reportId: string, job?: Job): Promise<Outcome> {
    const report = await this.em.findOne(StatusReport, { id: reportId });
    if (!report) return 'skipped: report gone';
    if (report.recipients.length === 0) return 'skipped: no recipients';
    const mail = statusReportMail(report, { lang: 'da', baseUrl: this.config.http.publicBaseUrl });
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
    return this.sendAll(mails, job);
  }

  // --- registrations -------------------------------------------------------------------------

  private async liveRegistration(id: string): Promise<(Registration & { email: string }) | undefined> {
    const registration = await this.em.findOne(Registration, { id }, { populate: ['event'] });
    if (!registration || !registration.email || registration.anonymizedAt) return undefined;
    return registration as Registration & { email: string };
  }

  private registrationView(registration: Registration, locale: Language): RegistrationView {
    return {
      name: registration.name,
      event: eventView(this.config, registration.event, locale),
      partySize: registration.partySize,
      manageUrl: registrationManagementUrl(this.config, registration),
    };
  }

  private async registrationMail(
    registration: Registration & { email: string },
    kind: string,
    key: string,
    content: (texts: Texts, view: RegistrationView) => MailContent,
    options: { calendar?: boolean; offsetMinutes?: number } = {},
  ): Promise<OutgoingMail> {
    const { locale, texts } = textsFor(registration.locale);
    const rendered = renderMail(this.config, locale, content(texts, this.registrationView(registration, locale)));
    const event = registration.event;
    return {
      key,
      kind,
      to: registration.email,
      ...rendered,
      registrationId: registration.id,
      eventId: event.id,
      offsetMinutes: options.offsetMinutes ?? null,
      attachments: options.calendar
        ? [
            {
              filename: `${event.slug}.ics`,
              content: await this.eventAttachment(event, locale, texts.calendarName),
              contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
            },
          ]
        : undefined,
    };
  }

  /** The event as the feeds show it (the same VEVENT, from the same renderer), to import once. */
  private async eventAttachment(event: Event, locale: Language, name: string): Promise<string> {
    await this.em.populate(event, ['district', 'occasion', 'organizers.association']);
    const themes = (await themesOf(this.em, [event.id])).get(event.id);
    return renderEventAttachment(feedEventDataOf(event, themes), {
      lang: locale,
      baseUrl: this.config.http.publicBaseUrl,
      name,
      defaultZone: this.config.time.defaultZone,
      modifiedAt: event.updatedAt,
      now: new Date(),
    });
  }

  private async registrationSeated(id: string, kind: 'registration-confirmed' | 'registration-promoted', job?: Job): Promise<Outcome> {
    const registration = await this.liveRegistration(id);
    if (!registration) return 'skipped: registration gone or anonymised';
    if (registration.status !== RegistrationStatus.CONFIRMED) return `skipped: registration is ${registration.status}`;
    if (registration.event.status === EventStatus.CANCELLED) return 'skipped: event cancelled';
    // Reminders first: if they cannot be queued the job retries before anything is mailed.
    await this.reminders.schedule(registration, registration.event);
    const mail = await this.registrationMail(
      registration,
      kind,
      `${kind}:${id}`,
      (t, v) => (kind === 'registration-confirmed' ? t.registrationConfirmed(v) : t.registrationPromoted(v)),
      { calendar: true },
    );
    return this.sender.send(mail, { final: isFinalAttempt(job) });
  }

  private async registrationWaitlisted(id: string, job?: Job): Promise<Outcome> {
    const registration = await this.liveRegistration(id);
    if (!registration) return 'skipped: registration gone or anonymised';
    // Promoted before this went out: the promotion mail says what matters.
    if (registration.status !== RegistrationStatus.WAITLISTED) return `skipped: registration is ${registration.status}`;
    if (registration.event.status === EventStatus.CANCELLED) return 'skipped: event cancelled';
    const mail = await this.registrationMail(registration, 'registration-waitlisted', `registration-waitlisted:${id}`, (t, v) =>
      t.registrationWaitlisted(v),
    );
    return this.sender.send(mail, { final: isFinalAttempt(job) });
  }

  private async registrationCancelled(id: string, job?: Job): Promise<Outcome> {
    const registration = await this.em.findOne(Registration, { id }, { populate: ['event'] });
    if (!registration) return 'skipped: registration gone';
    await this.reminders.cancel(registration.id, registration.event);
    if (registration.status !== RegistrationStatus.CANCELLED) return `skipped: registration is ${registration.status}`;
    if (!registration.email || registration.anonymizedAt) return 'skipped: registration anonymised';
    // The event's own cancellation notice tells these registrants.
    if (registration.event.status === EventStatus.CANCELLED) return 'skipped: event cancelled';
    const by = registration.cancelledBy ?? CancelledBy.REGISTRANT;
    const mail = await this.registrationMail(
      registration as Registration & { email: string },
      'registration-cancelled',
      `registration-cancelled:${id}`,
      (t, v) => t.registrationCancelled({ ...v, by }),
    );
    return this.sender.send(mail, { final: isFinalAttempt(job) });
  }

  /**
   * Registrations an event notice goes to, a page at a time: the live ones, and those the system
   * or the organiser cancelled because the event was cancelled.
   */
  private async *noticeRecipients(event: Event, includeCancelledWithEvent: boolean): AsyncGenerator<Registration[]> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const statuses = [RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED];
      const or: object[] = [{ status: { $in: statuses } }];
      if (includeCancelledWithEvent && event.cancelledAt) {
        or.push({
          status: RegistrationStatus.CANCELLED,
          cancelledBy: { $in: [CancelledBy.SYSTEM, CancelledBy.ORGANIZER] },
          cancelledAt: { $gte: new Date(event.cancelledAt.getTime() - 60_000) },
        });
      }
      const page = await this.em.find(
        Registration,
        { event: event.id, id: { $gt: after }, anonymizedAt: null, email: { $ne: null }, $or: or },
        { orderBy: { id: 'asc' }, limit: FAN_OUT_PAGE },
      );
      if (page.length === 0) return;
      yield page;
      after = page[page.length - 1].id;
      if (page.length < FAN_OUT_PAGE) return;
    }
  }

  private async fanOutMoved(eventId: string): Promise<Outcome> {
    const event = await this.em.findOne(Event, { id: eventId });
    if (!event) return 'skipped: event gone';
    if (event.status === EventStatus.CANCELLED) return 'skipped: event cancelled';
    const fingerprint = moveFingerprint(event);
    let fannedOut = 0;
    for await (const page of this.noticeRecipients(event, false)) {
      for (const registration of page) {
        if (registration.status === RegistrationStatus.CONFIRMED) await this.reminders.schedule(registration, event);
      }
      // One job per registrant, so one bad address never holds up the rest; the ids make a retried fan-out add nothing twice.
      await this.mailQueue.addBulk(
        page.map((r) => ({
          name: JobName.Notify,
          data: { kind: 'registrant-event-moved', registrationId: r.id, fingerprint } satisfies JobPayloads[JobName.Notify],
          opts: { jobId: `moved_${r.id}_${fingerprint}` },
        })),
      );
      fannedOut += page.length;
    }
    return { fannedOut };
  }

  private async fanOutCancelled(eventId: string, reason: string): Promise<Outcome> {
    const event = await this.em.findOne(Event, { id: eventId });
    if (!event) return 'skipped: event gone';
    if (event.status !== EventStatus.CANCELLED) return `skipped: event is ${event.status}`;
    let fannedOut = 0;
    for await (const page of this.noticeRecipients(event, true)) {
      for (const registration of page) await this.reminders.cancel(registration.id, event);
      await this.mailQueue.addBulk(
        page.map((r) => ({
          name: JobName.Notify,
          data: { kind: 'registrant-event-cancelled', registrationId: r.id, reason } satisfies JobPayloads[JobName.Notify],
          opts: { jobId: `cancelled_${r.id}` },
        })),
      );
      fannedOut += page.length;
    }
    return { fannedOut };
  }

  private async registrantMoved(id: string, fingerprint: string, job?: Job): Promise<Outcome> {
    const registration = await this.liveRegistration(id);
    if (!registration) return 'skipped: registration gone or anonymised';
    if (registration.status === RegistrationStatus.CANCELLED) return 'skipped: registration cancelled';
    const event = registration.event;
    if (event.status === EventStatus.CANCELLED) return 'skipped: event cancelled';
    // Moved again since: the newer fan-out carries the mail with the final time and place.
    if (moveFingerprint(event) !== fingerprint) return 'skipped: moved again since';
    const mail = await this.registrationMail(registration, 'event-moved', `event-moved:${id}:${fingerprint}`, (t, v) => t.eventMoved(v), {
      calendar: true,
    });
    return this.sender.send(mail, { final: isFinalAttempt(job) });
  }

  private async registrantCancelled(id: string, reason: string, job?: Job): Promise<Outcome> {
    const registration = await this.em.findOne(Registration, { id }, { populate: ['event'] });
    if (!registration?.email || registration.anonymizedAt) return 'skipped: registration gone or anonymised';
    if (registration.event.status !== EventStatus.CANCELLED) return 'skipped: event not cancelled';
    const mail = await this.registrationMail(
      registration as Registration & { email: string },
      'event-cancelled',
      `event-cancelled:${id}`,
      (t, v) => t.eventCancelled({ ...v, reason }),
      { calendar: true },
    );
    return this.sender.send(mail, { final: isFinalAttempt(job) });
  }

  async sendReminder(data: JobPayloads[JobName.SendReminder], job?: Job, now = Date.now()): Promise<Outcome> {
    const registration = await this.liveRegistration(data.registrationId);
    if (!registration) return 'skipped: registration gone or anonymised';
    if (registration.status !== RegistrationStatus.CONFIRMED) return `skipped: registration is ${registration.status}`;
    const event = registration.event;
    if (event.status !== EventStatus.PUBLISHED) return `skipped: event is ${event.status}`;
    if (event.startsAt.toISOString() !== data.startsAt) return 'skipped: event moved since';
    const offsets = reminderOffsets(event);
    if (!offsets.includes(data.offsetMinutes)) return 'skipped: offset no longer wanted';
    if (event.startsAt.getTime() <= now) return 'skipped: event already started';
    // After an outage, only the nearest due reminder goes out, not a week's and a day's at once.
    const laterDue = offsets.some((o) => o < data.offsetMinutes && event.startsAt.getTime() - o * 60_000 <= now);
    if (laterDue) return 'skipped: a nearer reminder is due';
    const mail = await this.registrationMail(
      registration,
      'reminder',
      `reminder:${registration.id}:${data.offsetMinutes}:${data.startsAt}`,
      (t, v) => t.reminder({ ...v, offsetMinutes: data.offsetMinutes }),
      { offsetMinutes: data.offsetMinutes },
    );
    return this.sender.send(mail, { final: isFinalAttempt(job) });
  }

  async sendFeedbackRequest(data: JobPayloads[JobName.SendFeedbackRequest], job?: Job): Promise<Outcome> {
    const registration = await this.liveRegistration(data.registrationId);
    if (!registration) return 'skipped: registration gone or anonymised';
    if (registration.status !== RegistrationStatus.CONFIRMED) return `skipped: registration is ${registration.status}`;
    const event = registration.event;
    if (event.status !== EventStatus.PUBLISHED) return `skipped: event is ${event.status}`;
    if (eventOverAt(event)?.toISOString() !== data.endsAt) return 'skipped: event moved since';
    if (await this.em.count(Feedback, { registration: registration.id })) return 'skipped: feedback already given';
    // When the organisers checked people in, only those who came are asked.
    if (!registration.checkedInAt && (await this.em.count(Registration, { event: event.id, checkedInAt: { $ne: null } })) > 0) {
      return 'skipped: not checked in';
    }
    const mail = await this.registrationMail(registration, 'feedback-request', `feedback-request:${registration.id}`, (t, v) =>
      t.feedbackRequest({ ...v, feedbackUrl: feedbackUrl(this.config, registration) }),
    );
    return this.sender.send(mail, { final: isFinalAttempt(job) });
  }

  // --- accounts, associations and events, to their people --------------------------------------

  /** Sends each mail; one bad address does not stop the others. Retries (throws) only when one can still go out. */
  private async sendAll(mails: OutgoingMail[], job?: Job): Promise<Outcome> {
    let sent = 0;
    let skipped = 0;
    let transient: Error | undefined;
    for (const mail of mails) {
      try {
        if ((await this.sender.send(mail, { final: isFinalAttempt(job) })) === 'sent') sent++;
        else skipped++;
      } catch (error) {
        if ((error as Error).name === 'UnrecoverableError') {
          this.logger.warn((error as Error).message);
          skipped++;
        } else transient ??= error as Error;
      }
    }
    if (transient) throw transient;
    return { sent, skipped };
  }

  private userMail(
    user: User,
    kind: string,
    key: string,
    content: (t: Texts, locale: Language) => MailContent,
    eventId?: string,
  ): OutgoingMail {
    const { locale, texts } = textsFor(user.locale);
    return { key, kind, to: user.email, ...renderMail(this.config, locale, content(texts, locale)), eventId: eventId ?? null };
  }

  private async members(associationId: string): Promise<User[]> {
    const memberships = await this.em.find(
      Membership,
      { association: associationId },
      { populate: ['user'], orderBy: { createdAt: 'asc' } },
    );
    return memberships.map((m) => m.user);
  }

  private loginUrl(): string {
    return `${this.config.http.publicBaseUrl}/login`;
  }

  private async associationDecided(
    n: Extract<Notification, { kind: 'association-approved' | 'association-rejected' }>,
    job?: Job,
  ): Promise<Outcome> {
    const association = await this.em.findOne(Association, { id: n.associationId });
    if (!association) return 'skipped: association gone';
    const expected = n.kind === 'association-approved' ? AssociationStatus.APPROVED : AssociationStatus.REJECTED;
    if (association.status !== expected) return `skipped: association is ${association.status}`;
    const stamp = (association.statusChangedAt ?? association.updatedAt).getTime();
    const mails = (await this.members(association.id)).map((user) =>
      this.userMail(user, n.kind, `${n.kind}:${association.id}:${stamp}:${user.id}`, (t) =>
        n.kind === 'association-approved'
          ? t.associationApproved({ recipientName: user.name, association: association.name, loginUrl: this.loginUrl() })
          : t.associationRejected({ recipientName: user.name, association: association.name, loginUrl: this.loginUrl(), reason: n.reason }),
      ),
    );
    if (mails.length === 0 && association.contactEmail) {
      const { locale, texts } = textsFor('da');
      const view = { recipientName: null, association: association.name, loginUrl: this.loginUrl() };
      mails.push({
        key: `${n.kind}:${association.id}:${stamp}:contact`,
        kind: n.kind,
        to: association.contactEmail,
        ...renderMail(
          this.config,
          locale,
          n.kind === 'association-approved' ? texts.associationApproved(view) : texts.associationRejected({ ...view, reason: n.reason }),
        ),
      });
    }
    return this.sendAll(mails, job);
  }

  private async memberAdded(associationId: string, userId: string, job?: Job): Promise<Outcome> {
    const membership = await this.em.findOne(
      Membership,
      { association: associationId, user: userId },
      { populate: ['user', 'association'] },
    );
    if (!membership) return 'skipped: no longer a member';
    const { user, association } = membership;
    const key = `member-added:${association.id}:${user.id}`;
    if (await this.sender.statusOf(key)) return 'already-sent';
    // An account made by adding a member has no usable password yet: its link sets one (valid a week).
    const url = user.lastLoginAt
      ? this.loginUrl()
      : (await createPasswordResetLink(this.em, this.config, user.id, NEW_ACCOUNT_LINK_TTL_SECONDS)).url;
    return this.sendAll(
      [
        this.userMail(user, 'member-added', key, (t) =>
          t.memberAdded({ recipientName: user.name, association: association.name, loginUrl: url }),
        ),
      ],
      job,
    );
  }

  private async passwordReset(userId: string, job?: Job): Promise<Outcome> {
    const user = await this.em.findOne(User, { id: userId });
    if (!user) return 'skipped: user gone';
    // One mail per request (the outbox row's job id); the token is made only when it can go out.
    const key = `password-reset:${user.id}:${job?.id ?? Date.now()}`;
    if (await this.sender.statusOf(key)) return 'already-sent';
    const link = await createPasswordResetLink(this.em, this.config, user.id, PASSWORD_RESET_TTL_SECONDS);
    return this.sendAll(
      [
        this.userMail(user, 'password-reset', key, (t) =>
          t.passwordReset({ recipientName: user.name, url: link.url, validMinutes: PASSWORD_RESET_TTL_SECONDS / 60 }),
        ),
      ],
      job,
    );
  }

  /** A sign-up gave this account's address: the answer told nothing, this mail tells its holder what to do. */
  private async signUpExistingAccount(userId: string, associationName: string, job?: Job): Promise<Outcome> {
    const user = await this.em.findOne(User, { id: userId });
    if (!user) return 'skipped: user gone';
    const key = `sign-up-existing-account:${user.id}:${job?.id ?? Date.now()}`;
    if (await this.sender.statusOf(key)) return 'already-sent';
    const link = await createPasswordResetLink(this.em, this.config, user.id, PASSWORD_RESET_TTL_SECONDS);
    return this.sendAll(
      [
        this.userMail(user, 'sign-up-existing-account', key, (t) =>
          t.signUpExistingAccount({
            recipientName: user.name,
            association: associationName,
            loginUrl: this.loginUrl(),
            resetUrl: link.url,
            validMinutes: PASSWORD_RESET_TTL_SECONDS / 60,
          }),
        ),
      ],
      job,
    );
  }

  private async organizerView(event: Event, locale: Language) {
    const primary = await this.em.findOne(EventOrganizer, { event: event.id, role: OrganizerRole.PRIMARY }, { populate: ['association'] });
    return { association: primary?.association.name ?? '', event: eventView(this.config, event, locale) };
  }

  private async eventSubmitted(eventId: string, job?: Job): Promise<Outcome> {
    const event = await this.em.findOne(Event, { id: eventId });
    if (!event) return 'skipped: event gone';
    if (event.status !== EventStatus.SUBMITTED) return `skipped: event is ${event.status}`;
    const admins = await this.em.find(User, { role: Role.ADMIN }, { orderBy: { createdAt: 'asc' } });
    const stamp = (event.submittedAt ?? event.updatedAt).getTime();
    const mails: OutgoingMail[] = [];
    for (const admin of admins) {
      const { locale } = textsFor(admin.locale);
      const view = await this.organizerView(event, locale);
      mails.push(
        this.userMail(
          admin,
          'event-submitted',
          `event-submitted:${event.id}:${stamp}:${admin.id}`,
          (t) => t.eventSubmitted({ ...view, recipientName: admin.name, actionUrl: adminEventUrl(this.config, event.id) }),
          event.id,
        ),
      );
    }
    return this.sendAll(mails, job);
  }

  /** Members of the associations that organise the event (the primary one and accepted co-organisers). */
  private async organizerMembers(eventId: string): Promise<User[]> {
    const organizers = await this.em.find(EventOrganizer, {
      event: eventId,
      $or: [{ role: OrganizerRole.PRIMARY }, { status: OrganizerStatus.ACCEPTED }],
    });
    const users = new Map<string, User>();
    for (const o of organizers) for (const user of await this.members(o.association.id)) users.set(user.id, user);
    return [...users.values()];
  }

  private async eventDecided(n: Extract<Notification, { kind: 'event-published' | 'event-rejected' }>, job?: Job): Promise<Outcome> {
    const event = await this.em.findOne(Event, { id: n.eventId });
    if (!event) return 'skipped: event gone';
    const expected = n.kind === 'event-published' ? EventStatus.PUBLISHED : EventStatus.REJECTED;
    if (event.status !== expected) return `skipped: event is ${event.status}`;
    const stamp = n.kind === 'event-published' ? 'published' : (job?.id ?? event.updatedAt.getTime());
    const mails: OutgoingMail[] = [];
    for (const user of await this.organizerMembers(event.id)) {
      const { locale } = textsFor(user.locale);
      const view = { ...(await this.organizerView(event, locale)), recipientName: user.name };
      mails.push(
        this.userMail(
          user,
          n.kind,
          `${n.kind}:${event.id}:${stamp}:${user.id}`,
          (t) =>
            n.kind === 'event-published'
              ? t.eventPublished({ ...view, actionUrl: view.event.url })
              : t.eventRejected({ ...view, actionUrl: `${this.config.http.publicBaseUrl}/my/events/${event.id}`, reason: n.reason }),
          event.id,
        ),
      );
    }
    return this.sendAll(mails, job);
  }

  private async coOrganizerInvited(eventId: string, associationId: string, job?: Job): Promise<Outcome> {
    const invitation = await this.em.findOne(
      EventOrganizer,
      { event: eventId, association: associationId },
      { populate: ['event', 'association'] },
    );
    if (!invitation) return 'skipped: invitation withdrawn';
    if (invitation.status !== OrganizerStatus.INVITED) return `skipped: invitation is ${invitation.status}`;
    const event = invitation.event;
    const mails: OutgoingMail[] = [];
    for (const user of await this.members(associationId)) {
      const { locale } = textsFor(user.locale);
      const primary = await this.organizerView(event, locale);
      mails.push(
        this.userMail(
          user,
          'co-organizer-invited',
          `co-organizer-invited:${event.id}:${associationId}:${user.id}`,
          (t) =>
            t.coOrganizerInvited({
              recipientName: user.name,
              association: invitation.association.name,
              inviter: primary.association,
              event: primary.event,
              actionUrl: `${this.config.http.publicBaseUrl}/my/invitations`,
            }),
          event.id,
        ),
      );
    }
    return this.sendAll(mails, job);
  }

  private async participation(n: Extract<Notification, { kind: `participation-${string}` }>, job?: Job): Promise<Outcome> {
    const participation = await this.em.findOne(
      Participation,
      { id: n.participationId },
      { populate: ['internationalDay.event', 'association'] },
    );
    if (!participation) return 'skipped: participation gone';
    const expected: Record<typeof n.kind, ParticipationStatus[]> = {
      'participation-received': [ParticipationStatus.PENDING, ParticipationStatus.CONFIRMED, ParticipationStatus.WAITLISTED],
      'participation-confirmed': [ParticipationStatus.CONFIRMED],
      'participation-waitlisted': [ParticipationStatus.WAITLISTED],
      'participation-declined': [ParticipationStatus.DECLINED],
    };
    if (!expected[n.kind].includes(participation.status)) return `skipped: participation is ${participation.status}`;
    const registeredBy = participation.registeredBy ? await this.em.findOne(User, { id: participation.registeredBy }) : null;
    const to = participation.contactEmail ?? registeredBy?.email;
    if (!to) return 'skipped: no contact address';
    const { locale, texts } = textsFor(registeredBy?.locale);
    const day = participation.internationalDay;
    const view = {
      recipientName: participation.contactName,
      organisation: participation.association?.name ?? participation.organisationName ?? '',
      year: day.year,
      event: eventView(this.config, day.event, locale),
      activities: participation.activities.map((a) => activityName(a, locale)).join(', '),
      practicalInfo: localize(day.practicalInfo, locale) ?? null,
    };
    const content =
      n.kind === 'participation-received'
        ? texts.participationReceived(view)
        : n.kind === 'participation-confirmed'
          ? texts.participationConfirmed(view)
          : n.kind === 'participation-waitlisted'
            ? texts.participationWaitlisted(view)
            : texts.participationDeclined({ ...view, reason: 'reason' in n ? n.reason : '' });
    return this.sendAll(
      [{ key: `${n.kind}:${participation.id}`, kind: n.kind, to, ...renderMail(this.config, locale, content), eventId: day.event.id }],
      job,
    );
  }
}

function activityName(activity: string, locale: Language): string {
  const names: Record<string, [string, string]> = {
    STAND: ['Stand', 'Stand'],
    PERFORMANCE: ['Optræden', 'Performance'],
    FOOD: ['Mad', 'Food'],
    WORKSHOP: ['Workshop', 'Workshop'],
  };
  const pair = names[activity];
  return pair ? pair[locale === 'da' ? 0 : 1] : activity;
}
