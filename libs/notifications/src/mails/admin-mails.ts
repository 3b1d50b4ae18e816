import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { Role, User } from '@mangfold/auth';
import { Association, AssociationStatus } from '@mangfold/associations';
import { Event, EventStatus } from '@mangfold/calendar';
import { sitePaths } from '@mangfold/config';
import { adminEventUrl } from '../links';
import type { OutgoingMail } from '../mail-sender.service';
import { textsFor } from '../templates/texts';
import { MailKit, type HandlersFor, type Outcome } from './mail-kit';

/** Mails to TFI's admins: what waits for their decision. */
@Injectable()
export class AdminMails {
  constructor(private readonly kit: MailKit) {}

  handlers(): HandlersFor<'association-signed-up' | 'event-submitted'> {
    return {
      'association-signed-up': (n, job) => this.associationSignedUp(n.associationId, job),
      'event-submitted': (n, job) => this.eventSubmitted(n.eventId, job),
    };
  }

  private admins(): Promise<User[]> {
    return this.kit.em.find(User, { role: Role.ADMIN }, { orderBy: { createdAt: 'asc' } });
  }

  /** A new association waits for approval: every admin hears of it once, in their own language. */
  private async associationSignedUp(associationId: string, job?: Job): Promise<Outcome> {
    const association = await this.kit.em.findOne(Association, { id: associationId });
    if (!association) return 'skipped: association gone';
    // Decided before this went out: nothing waits any more.
    if (association.status !== AssociationStatus.PENDING) return `skipped: association is ${association.status}`;
    const actionUrl = `${this.kit.config.http.publicBaseUrl}${sitePaths.portalAdminAssociations()}`;
    const mails = (await this.admins()).map((admin) =>
      this.kit.userMail(admin, 'association-signed-up', `association-signed-up:${association.id}:${admin.id}`, (t) =>
        t.associationSignedUp({
          recipientName: admin.name,
          association: association.name,
          kind: association.kind,
          actionUrl,
        }),
      ),
    );
    return this.kit.sendAll(mails, job);
  }

  private async eventSubmitted(eventId: string, job?: Job): Promise<Outcome> {
    const event = await this.kit.em.findOne(Event, { id: eventId });
    if (!event) return 'skipped: event gone';
    if (event.status !== EventStatus.SUBMITTED) return `skipped: event is ${event.status}`;
    const stamp = (event.submittedAt ?? event.updatedAt).getTime();
    const mails: OutgoingMail[] = [];
    for (const admin of await this.admins()) {
      const { locale } = textsFor(admin.locale);
      const view = await this.kit.organiserView(event, locale);
      mails.push(
        this.kit.userMail(
          admin,
          'event-submitted',
          `event-submitted:${event.id}:${stamp}:${admin.id}`,
          (t) => t.eventSubmitted({ ...view, recipientName: admin.name, actionUrl: adminEventUrl(this.kit.config, event.id) }),
          event.id,
        ),
      );
    }
    return this.kit.sendAll(mails, job);
  }
}
