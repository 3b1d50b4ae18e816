import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ForbiddenError, UnauthenticatedError } from '@mangfold/graphql';
import { IS_PUBLIC, ROLES, requestOf } from './decorators';
import { sessionTokenOf } from './session-cookie';
import { TokenService } from './token.service';
import type { Role } from './user.entity';
import { sameSecret, WebSessionsService } from './web-sessions.service';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The global guard: every resolver and route needs a valid bearer token unless marked @Public();
 * @Roles() narrows further. Public handlers still learn who is calling when a valid token is sent.
 * Plain HTTP routes (the portal, reports, CSV) also accept the portal's session cookie; GraphQL
 * never does, so a cookie can't be used against it from another site. A state-changing request
 * on a session must carry the session's CSRF token and, when the browser names one, our origin.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly sessions: WebSessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, targets) ?? false;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    const req = requestOf(context);
    if (!req) return isPublic;

    if (req.user === undefined) {
      const header = req.headers.authorization;
      const token = typeof header === 'string' && /^Bearer\s+/i.test(header) ? header.replace(/^Bearer\s+/i, '').trim() : undefined;
      if (token) {
        req.user = await this.tokens.verify(token);
        if (!req.user && !isPublic) throw new UnauthenticatedError('Your session has expired or is invalid; log in again');
      }
    }
    if (req.user === undefined && context.getType<string>() === 'http') await this.fromSession(req, isPublic);
    if (isPublic) return true;
    if (!req.user) throw new UnauthenticatedError();
    if (roles && !roles.includes(req.user.role)) throw new ForbiddenError();
    return true;
  }

  /**
   * A state-changing request whose CSRF token or origin does not match is refused on a guarded
   * route, and treated as anonymous on a public one (the public registration form, say), so it
   * can never act as the signed-in person.
   */
  private async fromSession(req: Request, isPublic: boolean): Promise<void> {
    const token = sessionTokenOf(req);
    if (!token) return;
    const session = await this.sessions.resolve(token);
    if (!session) return;
    if (!SAFE_METHODS.has(req.method)) {
      const sent = (req.body as Record<string, unknown> | undefined)?._csrf;
      if (typeof sent !== 'string' || !sameSecret(sent, session.csrfToken) || !sameOrigin(req)) {
        if (isPublic) return;
        throw new ForbiddenError('This form has expired or came from another site; open the page again and resend it');
      }
    }
    req.webSession = session;
    req.user = { id: session.user.id, email: session.user.email, role: session.user.role };
  }
}

/** The Origin (or Referer) a browser sends names this host, or is absent. */
export function sameOrigin(req: Request): boolean {
  const source = req.get('origin') ?? req.get('referer');
  if (!source || source === 'null') return source === undefined;
  try {
    return new URL(source).host === req.get('host');
  } catch {
    return false;
  }
}
