import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import type { Role } from './user.entity';

export const IS_PUBLIC = 'mangfold:public';
export const ROLES = 'mangfold:roles';

/** Open to anonymous callers. Every other resolver and route requires a logged-in user. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** Only users with one of these roles. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES, roles);

/** The authenticated caller as the guard saw it. */
export interface AuthUser {
  id: string;
  email: string;
  role: Role;
}

export function requestOf(context: ExecutionContext): Request {
  if (context.getType<string>() === 'graphql') return GqlExecutionContext.create(context).getContext<{ req: Request }>().req;
  return context.switchToHttp().getRequest<Request>();
}

/** `@CurrentUser() user: AuthUser` (or `AuthUser | undefined` on public resolvers). */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext) => requestOf(context).user);

declare module 'express' {
  interface Request {
    user?: AuthUser;
  }
}
