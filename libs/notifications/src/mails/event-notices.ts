import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Job, Queue } from 'bullmq';
import { Event, EventStatus } from '@mangfold/calendar';
import { CancelledBy, Registration, RegistrationStatus } from '@mangfold/registrations';
import { JobName, QueueName, type JobPayloads } from '@mangfold/jobs';
import { ReminderScheduler } from '../reminder-scheduler.service';
import { MailKit, type HandlersFor, type Outcome } from './mail-kit';
import type { NotificationOf } from './mail-kinds';
import { moveFingerprint } from './move-fingerprint';
import { RegistrantMails, type LiveRegistration } from './registrant-mails';

const FAN_OUT_PAGE = 500;

type EventNoticeKind = 'event-moved' | 'event-cancelled' | 'registrants-message';

/**
 * What happens to an event, told to everyone registered for it: a move or a cancellation fans out
 * into one job per registrant; an organiser's message goes out from one job, one mail per
 * registrant under a key of its own, so a retried job sends nobody the message twice.
 */
@Injectable()
export class EventNotices {
  constructor(
    private readonly kit: MailKit,
    private readonly registrants: RegistrantMails,
    private readonly reminders: ReminderScheduler,
    @InjectQueue(QueueName.Mail) private readonly mailQueue: Queue,
  ) {}

  handlers(): HandlersFor<EventNoticeKind> {
    return {
      'event-moved': (n) => this.fanOutMoved(n.eventId),
      'event-cancelled': (n) => this.fanOutCancelled(n.eventId, n.reason),
      'registrants-message': (n, job) => this.message(n, job),
    };
  }

  /**
   * Registrations an event notice goes to, a page at a time: the live ones, and those the system
   * or the organiser cancelled because the event was cancelled.
   */
  private async *recipients(event: Event, includeCancelledWithEvent: boolean): AsyncGenerator<Registration[]> {
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
      const page = await this.kit.em.find(
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
    const event = await this.kit.em.findOne(Event, { id: eventId });
    if (!event) return 'skipped: event gone';
    if (event.status === EventStatus.CANCELLED) return 'skipped: event cancelled';
    const fingerprint = moveFingerprint(event);
    let fannedOut = 0;
    for await (const page of this.recipients(event, false)) {
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
    const event = await this.kit.em.findOne(Event, { id: eventId });
    if (!event) return 'skipped: event gone';
    if (event.status !== EventStatus.CANCELLED) return `skipped: event is ${event.status}`;
    let fannedOut = 0;
    for await (const page of this.recipients(event, true)) {
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

  /**
   * An organiser's message to everyone confirmed or waiting, each in their language with their own
   * manage link; one mail per registrant, so nobody sees another's address.
   */
  private async message(n: NotificationOf<'registrants-message'>, job?: Job): Promise<Outcome> {
    const event = await this.kit.em.findOne(Event, { id: n.eventId });
    if (!event) return 'skipped: event gone';
    const association = await this.kit.primaryOrganiser(event);
    const total = { sent: 0, skipped: 0 };
    let transient: Error | undefined;
    for await (const page of this.recipients(event, false)) {
      const mails = [];
      for (const registration of page) {
        mails.push(
          await this.registrants.mail(
            registration as LiveRegistration,
            'registrants-message',
            `registrants-message:${n.messageId}:${registration.id}`,
            (t, v) => t.registrantsMessage({ ...v, association, subject: n.subject, message: n.text }),
          ),
        );
      }
      try {
        const outcome = (await this.kit.sendAll(mails, job)) as { sent: number; skipped: number };
        total.sent += outcome.sent;
        total.skipped += outcome.skipped;
      } catch (error) {
        // Send the other pages first; the retry then finds their keys taken and sends only what is left.
        transient ??= error as Error;
      }
    }
    if (transient) throw transient;
    return total;
  }
}
