import type { Request, Response } from 'express';
import type { ResolvedSession } from './web-sessions.service';

/** The portal's one strictly necessary cookie (described on the privacy page). */
export const SESSION_COOKIE = 'mangfold_session';

/** The session token in the request's Cookie header, if any. */
export function sessionTokenOf(req: Request): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** HttpOnly, SameSite=Lax, Secure whenever the browser reached us over https (behind a proxy too). */
export function setSessionCookie(req: Request, res: Response, token: string): void {
  res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/' });
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/' });
}

declare module 'express' {
  interface Request {
    /** The portal session the guard found behind the cookie. */
    webSession?: ResolvedSession;
  }
}
