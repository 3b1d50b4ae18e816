import type { EntityManager } from '@mikro-orm/postgresql';
import { type AppConfig, type SiteLanguage, sitePaths } from '@mangfold/config';
import { createPasswordResetToken, User } from '@mangfold/auth';
import { managementUrl } from '@mangfold/registrations';

/*
 * Every link a mail carries is built here, so the pages they point to can move in one place. Each
 * names the page itself (sitePaths), never an older address that redirects to it, and the
 * recipient's language wherever the page cannot tell it by itself.
 */

function siteLanguage(locale: string | null | undefined): SiteLanguage {
  return locale === 'en' ? 'en' : 'da';
}

export function privacyUrl(config: AppConfig, locale: string): string {
  return `${config.http.publicBaseUrl}${sitePaths.privacy(siteLanguage(locale))}`;
}

export function eventUrl(config: AppConfig, event: { slug: string }, locale: string): string {
  return `${config.http.publicBaseUrl}${sitePaths.event(siteLanguage(locale), event.slug)}`;
}

/** The page where a registrant sees, cancels and rates the registration (served by @mangfold/registrations, in the registration's language). */
export function registrationManagementUrl(config: AppConfig, registration: { id: string; tokenVersion: number }): string {
  return managementUrl(config, registration);
}

/** Feedback is given on the same management page, at its feedback form. */
export function feedbackUrl(config: AppConfig, registration: { id: string; tokenVersion: number }): string {
  return `${managementUrl(config, registration)}#feedback`;
}

/**
 * A single-use password reset token (only its hash is stored, by @mangfold/auth) and its link, to
 * the form in the account's language (the form cannot know whose token it holds before it is sent).
 */
export async function createPasswordResetLink(
  em: EntityManager,
  config: AppConfig,
  userId: string,
  ttlSeconds?: number,
): Promise<{ url: string; expiresAt: Date }> {
  const user = await em.findOneOrFail(User, { id: userId });
  const { token, expiresAt } = await createPasswordResetToken(em, userId, ttlSeconds);
  const query = new URLSearchParams({ token, lang: siteLanguage(user.locale) });
  return { url: `${config.http.publicBaseUrl}/reset-password?${query.toString()}`, expiresAt };
}

/** The portal's login page in the recipient's language; once logged in it leads to the portal's overview. */
export function portalLoginUrl(config: AppConfig, locale: string | null | undefined): string {
  return `${config.http.publicBaseUrl}${sitePaths.portalLogin(siteLanguage(locale))}`;
}

/** The portal's overview, where a member answers co-organiser invitations. */
export function portalOverviewUrl(config: AppConfig): string {
  return `${config.http.publicBaseUrl}${sitePaths.portal()}`;
}

/** An event in the portal: its organisers edit and resubmit it there, TFI approves or rejects it. */
export function portalEventUrl(config: AppConfig, eventId: string): string {
  return `${config.http.publicBaseUrl}${sitePaths.portalEvent(eventId)}`;
}

/** The event TFI is asked to approve: its page in the portal. */
export function adminEventUrl(config: AppConfig, eventId: string): string {
  return portalEventUrl(config, eventId);
}
