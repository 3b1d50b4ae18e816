import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError, UnauthenticatedError } from '@mangfold/graphql';
import { IS_PUBLIC, ROLES, requestOf } from './decorators';
import { TokenService } from './token.service';
import type { Role } from './user.entity';

/**
 * The global guard: every resolver and route needs a valid bearer token unless marked @Public();
 * @Roles() narrows further. Public handlers still learn who is calling when a valid token is sent.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
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
    if (isPublic) return true;
    if (!req.user) throw new UnauthenticatedError();
    if (roles && !roles.includes(req.user.role)) throw new ForbiddenError();
    return true;
  }
}
