import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { RateLimiter, type AuthUser, type RateLimitRule } from '@mangfold/auth';
import { audit } from '@mangfold/db';
import { enqueue, JobName } from '@mangfold/jobs';
import { EventAccess, Registration, RegistrationStatus } from '@mangfold/registrations';
import type { MessageRegistrantsInput } from './models/registrants-message.model';

/** How often an event's registrants may be written to, and how often one organiser may write. */
export const REGISTRANTS_MESSAGE_RATE_LIMITS = {
  perEvent: { name: 'registrants-message-event', limit: 5, windowSeconds: 3600 },
  perUser: { name: 'registrants-message-user', limit: 20, windowSeconds: 3600 },
} as const satisfies Record<string, RateLimitRule>;

/**
 * An organiser's message to everyone confirmed or waiting for an event: checked, counted and
 * queued through the outbox in one transaction; the notifier mails each registrant on its own.
 */
@Injectable()
export class RegistrantMessages {
  constructor(
    private readonly em: EntityManager,
    private readonly access: EventAccess,
    private readonly limiter: RateLimiter,
  ) {}

  /**
   * Queues the message and answers how many registrants get it (0 queues nothing). NOT_FOUND for
   * no such event, FORBIDDEN unless the caller organises it or is an admin, TOO_MANY_REQUESTS
   * past the limits. `input` has passed MessageRegistrantsInput's rules.
   */
  async send(caller: AuthUser, eventId: string, input: MessageRegistrantsInput): Promise<number> {
    const id = await this.access.assertCanManage(caller, eventId);
    await this.limiter.consume(
      [
        [REGISTRANTS_MESSAGE_RATE_LIMITS.perEvent, id],
        [REGISTRANTS_MESSAGE_RATE_LIMITS.perUser, caller.id],
      ],
      (s) => `Too many messages to registrants; try again in ${s} seconds`,
    );
    return this.em.transactional(async (em) => {
      const recipients = await em.count(Registration, {
        event: id,
        status: { $in: [RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED] },
        anonymizedAt: null,
        email: { $ne: null },
      });
      if (recipients === 0) return 0;
      const messageId = randomUUID();
      enqueue(em, JobName.Notify, { kind: 'registrants-message', eventId: id, messageId, subject: input.subject, text: input.text });
      audit(em, {
        actorId: caller.id,
        action: 'event.registrants-messaged',
        entityType: 'Event',
        entityId: id,
        changes: { messageId, subject: input.subject, recipients },
      });
      await em.flush();
      return recipients;
    });
  }
}
