import type { Request, Response } from 'express';
import type { ResolvedSession } from '@mangfold/auth';
import { sendPage } from '../respond';
import { ForbiddenPage } from './forbidden.page';
import { isAdmin, portalLanguage, requireSession } from './portal-context';

/** The signed-in admin; anyone else is sent to log in, or shown that the page is not theirs (403). */
export function requireAdmin(req: Request, res: Response, baseUrl: string): ResolvedSession | undefined {
  const session = requireSession(req, res);
  if (!session) return undefined;
  if (isAdmin(session)) return session;
  sendPage(res, <ForbiddenPage lang={portalLanguage(req)} baseUrl={baseUrl} session={session} />, { status: 403, cache: 'no-store' });
  return undefined;
}
