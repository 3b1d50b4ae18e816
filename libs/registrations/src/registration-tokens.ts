import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { parseUuid } from '@mangfold/common';
import type { AppConfig } from '@mangfold/config';

/*
 * Secret links of registrants, derived rather than stored, so the database holds nothing that
 * opens them and a mail can always be rendered again:
 *
 *   management token = <registrationId>.<base64url HMAC-SHA256(kM, registrationId + ':' + tokenVersion)>
 *   calendar token   = base64url HMAC-SHA256(kC, lower-cased email)
 *
 * kM and kC come from JWT_SECRET by HKDF with labels of their own, so neither can stand in for the
 * other or for an access token. Bumping a registration's tokenVersion revokes its management
 * links. The calendar token names a person (an email), not a registration; the database keeps
 * only its SHA-256 (`Registration.personalFeedKey`) to find the rows of a feed.
 */

const MANAGEMENT_LABEL = 'mangfold/registration-management-token/v1';
const CALENDAR_LABEL = 'mangfold/personal-calendar-feed/v1';
const SALT = 'mangfold';
const MAC = /^[A-Za-z0-9_-]{43}$/;

const keys = new Map<string, { management: Buffer; calendar: Buffer }>();

function keysFor(secret: string): { management: Buffer; calendar: Buffer } {
  let k = keys.get(secret);
  if (!k) {
    k = {
      management: Buffer.from(hkdfSync('sha256', secret, SALT, MANAGEMENT_LABEL, 32)),
      calendar: Buffer.from(hkdfSync('sha256', secret, SALT, CALENDAR_LABEL, 32)),
    };
    keys.set(secret, k);
  }
  return k;
}

type TokenConfig = Pick<AppConfig, 'auth'>;
type LinkConfig = Pick<AppConfig, 'auth' | 'http'>;

function managementMac(config: TokenConfig, registrationId: string, tokenVersion: number): Buffer {
  return createHmac('sha256', keysFor(config.auth.jwtSecret).management).update(`${registrationId}:${tokenVersion}`).digest();
}

/** The secret management token of a registration: shown only to the registrant. */
export function registrationToken(config: TokenConfig, registration: { id: string; tokenVersion: number }): string {
  return `${registration.id}.${managementMac(config, registration.id, registration.tokenVersion).toString('base64url')}`;
}

/** The registration id a token claims, or undefined when it is not shaped like one of ours. */
export function registrationIdOf(token: string): string | undefined {
  const dot = token.indexOf('.');
  if (dot < 0) return undefined;
  const id = parseUuid(token.slice(0, dot));
  return id && MAC.test(token.slice(dot + 1)) ? id : undefined;
}

/**
 * Constant-time check of a token against the registration it names. The text is compared, not
 * the decoded bytes: base64 leaves spare bits in the last character, and only the one spelling we
 * issued may open a registration.
 */
export function verifyRegistrationToken(config: TokenConfig, token: string, registration: { id: string; tokenVersion: number }): boolean {
  if (registrationIdOf(token) !== registration.id) return false;
  const given = Buffer.from(token.slice(token.indexOf('.') + 1));
  const expected = Buffer.from(managementMac(config, registration.id, registration.tokenVersion).toString('base64url'));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Where a registrant sees, cancels and rates a registration (the link in every mail). */
export function managementUrl(config: LinkConfig, registration: { id: string; tokenVersion: number }): string {
  return `${config.http.publicBaseUrl}/registrations/manage?token=${encodeURIComponent(registrationToken(config, registration))}`;
}

/** The secret token of one person's calendar feed (all their live registrations). */
export function calendarToken(config: TokenConfig, email: string): string {
  return createHmac('sha256', keysFor(config.auth.jwtSecret).calendar).update(email.trim().toLowerCase()).digest('base64url');
}

/** What the database keeps to find a calendar token's registrations: its SHA-256, never the token. */
export function personalFeedKey(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** `GET /calendar/registrations/:token.ics`, served by the feeds lib. */
export function personalFeedUrl(config: LinkConfig, email: string): string {
  return `${config.http.publicBaseUrl}/calendar/registrations/${calendarToken(config, email)}.ics`;
}

/** True when `token` has the shape of a calendar token (43 base64url characters). */
export function isCalendarTokenShaped(token: string): boolean {
  return MAC.test(token);
}
