import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { Language } from '@mangfold/common';
import { type Event, EventStatus } from '@mangfold/calendar';
import { feedEventDataOf, renderEventAttachment, themesOf } from '@mangfold/feeds';
import { CancelledBy, Feedback, Registration, RegistrationStatus } from '@mangfold/registrations';
import type { JobName, JobPayloads } from '@mangfold/jobs';
import { eventView } from '../event-view';
import { feedbackUrl, registrationManagementUrl } from '../links';
import type { OutgoingMail } from '../mail-sender.service';
import { renderMail } from '../render';
import { eventOverAt, reminderOffsets, ReminderScheduler } from '../reminder-scheduler.service';
import type { MailContent } from '../templates/layout';
import { textsFor, type RegistrationView, type Texts } from '../templates/texts';
import { MailKit, type HandlersFor, type Outcome } from './mail-kit';
import type { MailKind } from './mail-kinds';
import { moveFingerprint } from './move-fingerprint';

export type LiveRegistration = Registration & { email: string };

type RegistrantKind = 'registration-confirmed' | 'registration-promoted' | 'registration-waitlisted' | 'registration-cancelled';
type RegistrantNoticeKind = 'registrant-event-moved' | 'registrant-event-cancelled';

/**
 * Mails to one registrant about their registration: confirmation, waiting list, promotion,
 * cancellation, their part of an event's move or cancellation, reminders and the feedback request.
 */
@Injectable()
export class RegistrantMails {
  constructor(
    private readonly kit: MailKit,
    private readonly reminders: ReminderScheduler,
  ) {}

  handlers(): HandlersFor<RegistrantKind | RegistrantNoticeKind> {
    return {
      'registration-confirmed': (n, job) => this.seated(n.registrationId, n.kind, job),
      'registration-promoted': (n, job) => this.seated(n.registrationId, n.kind, job),
      'registration-waitlisted': (n, job) => this.waitlisted(n.registrationId, job),
      'registration-cancelled': (n, job) => this.cancelled(n.registrationId, job),
      'registrant-event-moved': (n, job) => this.eventMoved(n.registrationId, n.fingerprint, job),
      'registrant-event-cancelled': (n, job) => this.eventCancelled(n.registrationId, n.reason, job),
    };
  }

  /** The registration when it still has an address to write to. */
  async live(id: string): Promise<LiveRegistration | undefined> {
    const registration = await this.kit.em.findOne(Registration, { id }, { populate: ['event'] });
    if (!registration || !registration.email || registration.anonymizedAt) return undefined;
    return registration as LiveRegistration;
  }

  private view(registration: Registration, locale: Language): RegistrationView {
    return {
      name: registration.name,
      event: eventView(this.kit.config, registration.event, locale),
      partySize: registration.partySize,
      manageUrl: registrationManagementUrl(this.kit.config, registration),
    };
  }

  /** A mail to the registrant in the registration's language, with the event's calendar file when asked. */
  async mail(
    registration: LiveRegistration,
    kind: MailKind,
    key: string,
    content: (texts: Texts, view: RegistrationView) => MailContent,
    options: { calendar?: boolean; offsetMinutes?: number } = {},
  ): Promise<OutgoingMail> {
    const { locale, texts } = textsFor(registration.locale);
    const rendered = renderMail(this.kit.config, locale, content(texts, this.view(registration, locale)));
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
    await this.kit.em.populate(event, ['district', 'occasion', 'organisers.association']);
    const themes = (await themesOf(this.kit.em, [event.id])).get(event.id);
    return renderEventAttachment(feedEventDataOf(event, themes), {
      lang: locale,
      baseUrl: this.kit.config.http.publicBaseUrl,
      name,
      defaultZone: this.kit.config.time.defaultZone,
      modifiedAt: event.updatedAt,
      now: new Date(),
    });
  }

  private async seated(id: string, kind: 'registration-confirmed' | 'registration-promoted', job?: Job): Promise<Outcome> {
    const registration = await this.live(id);
    if (!registration) return 'skipped: registration gone or anonymised';
    if (registration.status !== RegistrationStatus.CONFIRMED) return `skipped: registration is ${registration.status}`;
    if (registration.event.status === EventStatus.CANCELLED) return 'skipped: event cancelled';
    // Reminders first: if they cannot be queued the job retries before anything is mailed.
    await this.reminders.schedule(registration, registration.event);
    const mail = await this.mail(
      registration,
      kind,
      `${kind}:${id}`,
      (t, v) => (kind === 'registration-confirmed' ? t.registrationConfirmed(v) : t.registrationPromoted(v)),
      { calendar: true },
    );
    return this.kit.send(mail, job);
  }

  private async waitlisted(id: string, job?: Job): Promise<Outcome> {
    const registration = await this.live(id);
    if (!registration) return 'skipped: registration gone or anonymised';
    // Promoted before this went out: the promotion mail says what matters.
    if (registration.status !== RegistrationStatus.WAITLISTED) return `skipped: registration is ${registration.status}`;
    if (registration.event.status === EventStatus.CANCELLED) return 'skipped: event cancelled';
    const mail = await this.mail(registration, 'registration-waitlisted', `registration-waitlisted:${id}`, (t, v) =>
      t.registrationWaitlisted(v),
    );
    return this.kit.send(mail, job);
  }

  private async cancelled(id: string, job?: Job): Promise<Outcome> {
    const registration = await this.kit.em.findOne(Registration, { id }, { populate: ['event'] });
    if (!registration) return 'skipped: registration gone';
    await this.reminders.cancel(registration.id, registration.event);
    if (registration.status !== RegistrationStatus.CANCELLED) return `skipped: registration is ${registration.status}`;
    if (!registration.email || registration.anonymizedAt) return 'skipped: registration anonymised';
    // The event's own cancellation notice tells these registrants.
    if (registration.event.status === EventStatus.CANCELLED) return 'skipped: event cancelled';
    const by = registration.cancelledBy ?? CancelledBy.REGISTRANT;
    const mail = await this.mail(registration as LiveRegistration, 'registration-cancelled', `registration-cancelled:${id}`, (t, v) =>
      t.registrationCancelled({ ...v, by }),
    );
    return this.kit.send(mail, job);
  }

  private async eventMoved(id: string, fingerprint: string, job?: Job): Promise<Outcome> {
    const registration = await this.live(id);
    if (!registration) return 'skipped: registration gone or anonymised';
    if (registration.status === RegistrationStatus.CANCELLED) return 'skipped: registration cancelled';
    const event = registration.event;
    if (event.status === EventStatus.CANCELLED) return 'skipped: event cancelled';
    // Moved again since: the newer fan-out carries the mail with the final time and place.
    if (moveFingerprint(event) !== fingerprint) return 'skipped: moved again since';
    const mail = await this.mail(registration, 'event-moved', `event-moved:${id}:${fingerprint}`, (t, v) => t.eventMoved(v), {
      calendar: true,
    });
    return this.kit.send(mail, job);
  }

  private async eventCancelled(id: string, reason: string, job?: Job): Promise<Outcome> {
    const registration = await this.kit.em.findOne(Registration, { id }, { populate: ['event'] });
    if (!registration?.email || registration.anonymizedAt) return 'skipped: registration gone or anonymised';
    if (registration.event.status !== EventStatus.CANCELLED) return 'skipped: event not cancelled';
    const mail = await this.mail(
      registration as LiveRegistration,
      'event-cancelled',
      `event-cancelled:${id}`,
      (t, v) => t.eventCancelled({ ...v, reason }),
      { calendar: true },
    );
    return this.kit.send(mail, job);
  }

  async sendReminder(data: JobPayloads[JobName.SendReminder], job?: Job, now = Date.now()): Promise<Outcome> {
    const registration = await this.live(data.registrationId);
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
    const mail = await this.mail(
      registration,
      'reminder',
      `reminder:${registration.id}:${data.offsetMinutes}:${data.startsAt}`,
      (t, v) => t.reminder({ ...v, offsetMinutes: data.offsetMinutes }),
      { offsetMinutes: data.offsetMinutes },
    );
    return this.kit.send(mail, job);
  }

  async sendFeedbackRequest(data: JobPayloads[JobName.SendFeedbackRequest], job?: Job): Promise<Outcome> {
    const registration = await this.live(data.registrationId);
    if (!registration) return 'skipped: registration gone or anonymised';
    if (registration.status !== RegistrationStatus.CONFIRMED) return `skipped: registration is ${registration.status}`;
    const event = registration.event;
    if (event.status !== EventStatus.PUBLISHED) return `skipped: event is ${event.status}`;
    if (eventOverAt(event)?.toISOString() !== data.endsAt) return 'skipped: event moved since';
    if (await this.kit.em.count(Feedback, { registration: registration.id })) return 'skipped: feedback already given';
    // When the organisers checked people in, only those who came are asked.
    if (!registration.checkedInAt && (await this.kit.em.count(Registration, { event: event.id, checkedInAt: { $ne: null } })) > 0) {
      return 'skipped: not checked in';
    }
    const mail = await this.mail(registration, 'feedback-request', `feedback-request:${registration.id}`, (t, v) =>
      t.feedbackRequest({ ...v, feedbackUrl: feedbackUrl(this.kit.config, registration) }),
    );
    return this.kit.send(mail, job);
  }
}
