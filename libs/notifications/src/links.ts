import type { EntityManager } from '@mikro-orm/postgresql';
import { type AppConfig, sitePaths } from '@mangfold/config';
import { createPasswordResetToken } from '@mangfold/auth';
import { managementUrl } from '@mangfold/registrations';

/*
 * Every link a mail carries is built here, so the pages they point to can move in one place.
 */

export function privacyUrl(config: AppConfig, locale: string): string {
  return `${config.http.publicBaseUrl}${sitePaths.privacy(locale === 'en' ? 'en' : 'da')}`;
}

export function eventUrl(config: AppConfig, event: { slug: string }, locale: string): string {
  return `${config.http.publicBaseUrl}${sitePaths.event(locale === 'en' ? 'en' : 'da', event.slug)}`;
}

/** The page where a registrant sees, cancels and rates the registration (served by @mangfold/registrations). */
export function registrationManagementUrl(config: AppConfig, registration: { id: string; tokenVersion: number }): string {
  return managementUrl(config, registration);
}

/** Feedback is given on the same management page, at its feedback form. */
export function feedbackUrl(config: AppConfig, registration: { id: string; tokenVersion: number }): string {
  return `${managementUrl(config, registration)}#feedback`;
}

/** A single-use password reset token (only its hash is stored, by @mangfold/auth) and its link. */
export async function createPasswordResetLink(
  em: EntityManager,
  config: AppConfig,
  userId: string,
  ttlSeconds?: number,
): Promise<{ url: string; expiresAt: Date }> {
  const { token, expiresAt } = await createPasswordResetToken(em, userId, ttlSeconds);
  return { url: `${config.http.publicBaseUrl}/reset-password?token=${encodeURIComponent(token)}`, expiresAt };
}

export function adminEventUrl(config: AppConfig, eventId: string): string {
  return `${config.http.publicBaseUrl}/admin/events/${eventId}`;
}
