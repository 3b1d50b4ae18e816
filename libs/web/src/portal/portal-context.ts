import type { Request, Response } from 'express';
import { Role, type ResolvedSession } from '@mangfold/auth';
import type { SiteLanguage } from '@mangfold/config';

/**
 * The portal speaks the language the person chose (their account's), else the one asked for with
 * ?lang=, else the browser's first preference between Danish and English.
 */
export function portalLanguage(req: Request): SiteLanguage {
  const chosen = req.webSession?.user.locale;
  if (chosen === 'da' || chosen === 'en') return chosen;
  const asked = req.query.lang;
  if (asked === 'da' || asked === 'en') return asked;
  for (const part of (req.get('accept-language') ?? '').split(',')) {
    const tag = part.split(';')[0].trim().toLowerCase();
    if (tag.startsWith('da')) return 'da';
    if (tag.startsWith('en')) return 'en';
  }
  return 'da';
}

/** Only paths inside the portal may be a login's destination (no open redirect). */
export function safeNext(value: unknown): string {
  return typeof value === 'string' && /^\/portal(\/[A-Za-z0-9/_.?=&%-]*)?$/.test(value) && !value.includes('..') ? value : '/portal';
}

/**
 * The signed-in person of a portal request; without a session the browser is sent to the login
 * page and comes back here afterwards.
 */
export function requireSession(req: Request, res: Response): ResolvedSession | undefined {
  if (req.webSession) return req.webSession;
  const next = req.method === 'GET' ? safeNext(req.originalUrl) : '/portal';
  res.redirect(303, `/portal/login?next=${encodeURIComponent(next)}`);
  return undefined;
}

export function isAdmin(session: ResolvedSession): boolean {
  return session.user.role === Role.ADMIN;
}
