import type { NextFunction, Request, Response } from 'express';

/**
 * Headers for every response of the api (WEB.md): pages run no inline script and load nothing from
 * other hosts, and only the embeds (/embed/*, /en/embed/*) may be framed by other sites. A handler
 * that needs a different policy (the IDE's inline bootstrap, say) sets its own before sending.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

const EMBED_PATH = /^\/(en\/)?embed(\/|$)/;
const PORTAL_PATH = /^\/portal(\/|$)/;

export function isEmbedPath(path: string): boolean {
  return EMBED_PATH.test(path);
}

export function securityHeaders(req: Request, res: Response, next: NextFunction): void {
  const embed = isEmbedPath(req.path);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // Manage links carry a secret token in their query: never hand it to another site. The portal's
  // forms must name their origin for the session's CSRF check, and under no-referrer a browser
  // sends `Origin: null` with every form POST; same-origin still tells other sites nothing.
  res.setHeader('Referrer-Policy', PORTAL_PATH.test(req.path) ? 'same-origin' : 'no-referrer');
  res.setHeader('Content-Security-Policy', `${CONTENT_SECURITY_POLICY}; frame-ancestors ${embed ? '*' : "'none'"}`);
  if (!embed) res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  next();
}
