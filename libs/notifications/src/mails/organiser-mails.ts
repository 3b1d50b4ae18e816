import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { User } from '@mangfold/auth';
import { Event, EventOrganiser, EventStatus, OrganiserRole, OrganiserStatus } from '@mangfold/calendar';
import { portalEventUrl, portalOverviewUrl } from '../links';
import type { OutgoingMail } from '../mail-sender.service';
import { textsFor } from '../templates/texts';
import { MailKit, type HandlersFor, type Outcome } from './mail-kit';
import type { NotificationOf } from './mail-kinds';

/** Mails to the members of the associations that organise an event: decisions and invitations. */
@Injectable()
export class OrganiserMails {
  constructor(private readonly kit: MailKit) {}

  handlers(): HandlersFor<'event-published' | 'event-rejected' | 'co-organizer-invited'> {
    return {
      'event-published': (n, job) => this.eventDecided(n, job),
      'event-rejected': (n, job) => this.eventDecided(n, job),
      'co-organizer-invited': (n, job) => this.coOrganiserInvited(n.eventId, n.associationId, job),
    };
  }

  /** Members of the associations that organise the event (the primary one and accepted co-organisers). */
  private async organiserMembers(eventId: string): Promise<User[]> {
    const organisers = await this.kit.em.find(EventOrganiser, {
      event: eventId,
      $or: [{ role: OrganiserRole.PRIMARY }, { status: OrganiserStatus.ACCEPTED }],
    });
    const users = new Map<string, User>();
    for (const o of organisers) for (const user of await this.kit.members(o.association.id)) users.set(user.id, user);
    return [...users.values()];
  }

  private async eventDecided(n: NotificationOf<'event-published' | 'event-rejected'>, job?: Job): Promise<Outcome> {
    const event = await this.kit.em.findOne(Event, { id: n.eventId });
    if (!event) return 'skipped: event gone';
    const expected = n.kind === 'event-published' ? EventStatus.PUBLISHED : EventStatus.REJECTED;
    if (event.status !== expected) return `skipped: event is ${event.status}`;
    const stamp = n.kind === 'event-published' ? 'published' : (job?.id ?? event.updatedAt.getTime());
    const mails: OutgoingMail[] = [];
    for (const user of await this.organiserMembers(event.id)) {
      const { locale } = textsFor(user.locale);
      const view = { ...(await this.kit.organiserView(event, locale)), recipientName: user.name };
      mails.push(
        this.kit.userMail(
          user,
          n.kind,
          `${n.kind}:${event.id}:${stamp}:${user.id}`,
          (t) =>
            n.kind === 'event-published'
              ? t.eventPublished({ ...view, actionUrl: view.event.url })
              : t.eventRejected({ ...view, actionUrl: portalEventUrl(this.kit.config, event.id), reason: n.reason }),
          event.id,
        ),
      );
    }
    return this.kit.sendAll(mails, job);
  }

  private async coOrganiserInvited(eventId: string, associationId: string, job?: Job): Promise<Outcome> {
    const invitation = await this.kit.em.findOne(
      EventOrganiser,
      { event: eventId, association: associationId },
      { populate: ['event', 'association'] },
    );
    if (!invitation) return 'skipped: invitation withdrawn';
    if (invitation.status !== OrganiserStatus.INVITED) return `skipped: invitation is ${invitation.status}`;
    const event = invitation.event;
    const mails: OutgoingMail[] = [];
    for (const user of await this.kit.members(associationId)) {
      const { locale } = textsFor(user.locale);
      const primary = await this.kit.organiserView(event, locale);
      mails.push(
        this.kit.userMail(
          user,
          'co-organizer-invited',
          `co-organizer-invited:${event.id}:${associationId}:${user.id}`,
          (t) =>
            t.coOrganizerInvited({
              recipientName: user.name,
              association: invitation.association.name,
              inviter: primary.association,
              event: primary.event,
              actionUrl: portalOverviewUrl(this.kit.config),
            }),
          event.id,
        ),
      );
    }
    return this.kit.sendAll(mails, job);
  }
}
