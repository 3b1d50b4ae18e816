import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '@mangfold/auth';
import { tokenFor } from '../factories';
import { graphql, type GraphqlResponse, type TestApp } from '../utils';

export const REGISTRATION_FIELDS = `
  id eventId status waitlistPosition partySize name email phone organisation role language consentVersion
  alreadyRegistered managementToken managementUrl calendarToken personalFeedUrl promotedAt cancelledAt checkedInAt`;

export const REGISTER = `mutation Register($eventId: ID!, $input: AttendeeInput!) {
  registerForEvent(eventId: $eventId, input: $input) { ${REGISTRATION_FIELDS} }
}`;

export const CANCEL = `mutation Cancel($token: String!) { cancelRegistration(token: $token) { ${REGISTRATION_FIELDS} } }`;

export const BY_TOKEN = `query ByToken($token: String!) { registration(token: $token) { ${REGISTRATION_FIELDS} feedback { satisfied score } } }`;

export interface AttendeeData {
  name?: string;
  email?: string;
  phone?: string | null;
  organisation?: string | null;
  role?: string | null;
  partySize?: number;
  language?: 'DA' | 'EN' | null;
  consentToPrivacyNotice?: boolean;
}

export function attendee(data: AttendeeData = {}): Record<string, unknown> {
  return {
    name: 'Amina Hassan',
    email: `amina-${randomBytes(4).toString('hex')}@example.org`,
    partySize: 1,
    consentToPrivacyNotice: true,
    ...data,
  };
}

/**
 * registerForEvent over HTTP. Each call may come from its own client address (X-Forwarded-For,
 * honoured with TRUST_PROXY), as it would in production, so per-IP rate limits see many people.
 */
export function register(
  app: TestApp,
  eventId: string,
  data: AttendeeData = {},
  options: { token?: string; ip?: string } = {},
): Promise<GraphqlResponse<{ registerForEvent: any }>> {
  return graphql(app.url, REGISTER, { eventId, input: attendee(data) }, { token: options.token, headers: forwardedFor(options.ip) });
}

export function forwardedFor(ip?: string): Record<string, string> {
  return ip ? { 'x-forwarded-for': ip } : {};
}

/** A distinct private address per index, for X-Forwarded-For. */
export function clientIp(i: number): string {
  return `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
}

/** The event's counters and the truth behind them, to check they agree. */
export async function seatLedger(
  em: EntityManager,
  eventId: string,
): Promise<{ seatsTaken: number; waitlistLength: number; confirmedSeats: number; waitlisted: number }> {
  const [row]: any[] = await em.execute(
    `select e.seats_taken, e.waitlist_length,
            coalesce(sum(r.party_size) filter (where r.status = 'CONFIRMED'), 0)::int as confirmed_seats,
            count(r.id) filter (where r.status = 'WAITLISTED')::int as waitlisted
       from event e left join registration r on r.event_id = e.id where e.id = ? group by e.id`,
    [eventId],
  );
  return {
    seatsTaken: row.seats_taken,
    waitlistLength: row.waitlist_length,
    confirmedSeats: row.confirmed_seats,
    waitlisted: row.waitlisted,
  };
}

/** Notifications enqueued (in the outbox) for these ids, as `kind:id`. */
export async function notifications(em: EntityManager, ids: string[]): Promise<string[]> {
  const rows: { payload: { kind: string; registrationId?: string; participationId?: string } }[] = await em.execute(
    `select payload from outbox_message where name = 'notify' and (payload->>'registrationId' = any(?::text[]) or payload->>'participationId' = any(?::text[])) order by id`,
    [`{${ids.join(',')}}`, `{${ids.join(',')}}`],
  );
  return rows.map((r) => `${r.payload.kind}:${r.payload.registrationId ?? r.payload.participationId}`);
}

/** An access token of the bootstrap admin (issued directly: this suite does not depend on the login mutation). */
export async function adminToken(app: TestApp): Promise<string> {
  const admin = await app.em().findOneOrFail(User, { email: app.config.auth.adminEmail! });
  return tokenFor(app, admin);
}
