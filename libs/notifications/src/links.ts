import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppConfig } from '@mangfold/config';
import { PasswordResetToken, User } from '@mangfold/auth';

/*
 * Every link a mail carries is built here, so the pages they point to can move in one place.
 * Two of them belong to other libs and are wired in when those land (see the functions).
 */

export function privacyUrl(config: AppConfig, locale: string): string {
  return `${config.http.publicBaseUrl}/${locale === 'en' ? 'en/privacy' : 'privatliv'}`;
}

export function eventUrl(config: AppConfig, event: { slug: string }, locale: string): string {
  return `${config.http.publicBaseUrl}/${locale === 'en' ? 'en/events' : 'arrangementer'}/${encodeURIComponent(event.slug)}`;
}

/**
 * The secret a registrant manages their registration with (cancel, feedback). Derived from the
 * registration's id and tokenVersion, so bumping the version revokes every link already mailed.
 * The registrations lib owns this token; when it exports its own, this function calls it.
 */
export function registrationToken(config: AppConfig, registration: { id: string; tokenVersion: number }): string {
  const mac = createHmac('sha256', `${config.auth.jwtSecret}:registration`)
    .update(`${registration.id}:${registration.tokenVersion}`)
    .digest('base64url');
  return `${registration.id}.${registration.tokenVersion}.${mac}`;
}

export function registrationManagementUrl(config: AppConfig, registration: { id: string; tokenVersion: number }): string {
  return `${config.http.publicBaseUrl}/registrations/manage?token=${encodeURIComponent(registrationToken(config, registration))}`;
}

export function feedbackUrl(config: AppConfig, registration: { id: string; tokenVersion: number }): string {
  return `${config.http.publicBaseUrl}/registrations/feedback?token=${encodeURIComponent(registrationToken(config, registration))}`;
}

/**
 * A single-use password reset token for a user (only its SHA-256 is stored) and its link. The
 * auth lib owns reset tokens; when it exports `createPasswordResetToken`, this calls it instead.
 */
export async function createPasswordResetLink(
  em: EntityManager,
  config: AppConfig,
  userId: string,
  ttlSeconds = 3600,
): Promise<{ url: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
  em.create(PasswordResetToken, {
    user: em.getReference(User, userId),
    tokenHash: createHash('sha256').update(token, 'utf8').digest('hex'),
    expiresAt,
  });
  await em.flush();
  return { url: `${config.http.publicBaseUrl}/reset-password?token=${encodeURIComponent(token)}`, expiresAt };
}

export function adminEventUrl(config: AppConfig, eventId: string): string {
  return `${config.http.publicBaseUrl}/admin/events/${eventId}`;
}
