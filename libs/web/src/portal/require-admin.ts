import type { Request, Response } from 'express';
import type { ResolvedSession } from '@mangfold/auth';
import { isAdmin, requireSession } from './portal-context';
import { sendRefusal } from './refusal.page';

/** The signed-in admin; anyone else is sent to log in, or shown that the page is not theirs (403). */
export function requireAdmin(req: Request, res: Response, baseUrl: string): ResolvedSession | undefined {
  const session = requireSession(req, res);
  if (!session) return undefined;
  if (isAdmin(session)) return session;
  sendRefusal(req, res, baseUrl, session, 403);
  return undefined;
}
