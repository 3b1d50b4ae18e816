import type { EntityManager } from '@mikro-orm/postgresql';
import { JobName, outboxInsert, type Notification } from '@mangfold/jobs';
import type { Registration } from './registration.entity';
import { pgDate } from './sql-values';
import type { SeatState } from './waitlist-rule';

/**
 * A new registration, its event's counters and the outbox row of its mail in one statement: the
 * insert (which the partial unique index turns into nothing when the email already has a live
 * registration) and, only when it happened, the counters and the outbox row (asked of the jobs lib,
 * which owns that table). Columns as in the Registration entity; token_version, queue_position and
 * the timestamps take their defaults.
 */
const INSERT_REGISTRATION = `
  with inserted as (
    insert into registration (id, event_id, status, party_size, name, email, phone, organisation, role, locale,
                              consent_version, consented_at, personal_feed_key)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    on conflict (event_id, email) where status <> 'CANCELLED' and email is not null do nothing
    returning queue_position, created_at
  ), counters as (
    update event set seats_taken = ?, waitlist_length = ? where id = ? and exists (select 1 from inserted)
  ), outbox as (`;

/**
 * Writes a registration built with `persist: false` and, with it, the event's counters `after` and
 * the notification; sets the values the database chose. False when the email already had a live
 * registration for the event, and nothing was written.
 */
export async function insertRegistration(
  em: EntityManager,
  eventId: string,
  registration: Registration,
  after: SeatState,
  notification: Notification,
): Promise<boolean> {
  const outbox = outboxInsert(JobName.Notify, notification, 'inserted');
  const r = registration;
  const inserted: { queue_position: string; created_at: string }[] = await em.execute(
    `${INSERT_REGISTRATION}\n    ${outbox.sql}\n  )\n  select queue_position, created_at from inserted`,
    [
      ...[r.id, eventId, r.status, r.partySize, r.name, r.email, r.phone, r.organisation, r.role, r.locale],
      ...[r.consentVersion, r.consentedAt, r.personalFeedKey],
      ...[after.seatsTaken, after.waitlistLength, eventId],
      ...outbox.params,
    ],
  );
  if (inserted.length === 0) return false;
  registration.queuePosition = String(inserted[0].queue_position);
  registration.createdAt = pgDate(inserted[0].created_at);
  registration.updatedAt = registration.createdAt;
  return true;
}
