import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Job } from 'bullmq';
import type { Language } from '@mangfold/common';
import { InjectConfig, type AppConfig } from '@mangfold/config';
import type { User } from '@mangfold/auth';
import { Membership } from '@mangfold/associations';
import { type Event, EventOrganiser, OrganiserRole } from '@mangfold/calendar';
import { eventView } from '../event-view';
import { portalLoginUrl } from '../links';
import { MailSender, type OutgoingMail, type SendResult } from '../mail-sender.service';
import { renderMail } from '../render';
import type { MailContent } from '../templates/layout';
import { textsFor, type EventView, type Texts } from '../templates/texts';
import type { MailKind, NotificationKind, NotificationOf } from './mail-kinds';

export type Outcome = SendResult | `skipped: ${string}` | { fannedOut: number } | { sent: number; skipped: number };

export function isFinalAttempt(job: Job | undefined): boolean {
  return !!job && job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}

/**
 * What every audience's mails share: sending one or many under their keys, a user's mail in the
 * user's language, and the people behind an association or an event.
 */
@Injectable()
export class MailKit {
  private readonly logger = new Logger('Notifier');

  constructor(
    readonly em: EntityManager,
    readonly sender: MailSender,
    @InjectConfig() readonly config: AppConfig,
  ) {}

  send(mail: OutgoingMail, job?: Job): Promise<SendResult> {
    return this.sender.send(mail, { final: isFinalAttempt(job) });
  }

  /** Sends each mail; one bad address does not stop the others. Retries (throws) only when one can still go out. */
  async sendAll(mails: OutgoingMail[], job?: Job): Promise<Outcome> {
    let sent = 0;
    let skipped = 0;
    let transient: Error | undefined;
    for (const mail of mails) {
      try {
        if ((await this.send(mail, job)) === 'sent') sent++;
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

  /** A mail to an account holder, in the account's language. */
  userMail(user: User, kind: MailKind, key: string, content: (t: Texts, locale: Language) => MailContent, eventId?: string): OutgoingMail {
    const { locale, texts } = textsFor(user.locale);
    return { key, kind, to: user.email, ...renderMail(this.config, locale, content(texts, locale)), eventId: eventId ?? null };
  }

  /** The association's members, oldest membership first. */
  async members(associationId: string): Promise<User[]> {
    const memberships = await this.em.find(
      Membership,
      { association: associationId },
      { populate: ['user'], orderBy: { createdAt: 'asc' } },
    );
    return memberships.map((m) => m.user);
  }

  /** The portal's login page in the recipient's language. */
  loginUrl(locale: string | null | undefined): string {
    return portalLoginUrl(this.config, locale);
  }

  /** The event and its primary organiser's name, in one language. */
  async organiserView(event: Event, locale: Language): Promise<{ association: string; event: EventView }> {
    return { association: await this.primaryOrganiser(event), event: eventView(this.config, event, locale) };
  }

  /** The name of the association that organises the event ('' when none does). */
  async primaryOrganiser(event: Event): Promise<string> {
    const primary = await this.em.findOne(EventOrganiser, { event: event.id, role: OrganiserRole.PRIMARY }, { populate: ['association'] });
    return primary?.association.name ?? '';
  }
}

/** The handler of one notification kind. */
export type Handler<K extends NotificationKind> = (n: NotificationOf<K>, job?: Job) => Promise<Outcome>;

/** Handlers of some kinds; the Notifier joins them into one for every kind. */
export type HandlersFor<K extends NotificationKind> = { [P in K]: Handler<P> };
