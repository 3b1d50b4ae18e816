import { Inject, Injectable, Optional } from '@nestjs/common';
import type { Request } from 'express';

/** A limit of `limit` attempts per key in any window of `windowSeconds` (the shape @mangfold/auth's RateLimiter takes). */
export interface RateLimitRule {
  name: string;
  limit: number;
  windowSeconds: number;
}

/** The Redis-backed limiter shared by the api replicas; throws TOO_MANY_REQUESTS when a rule is exhausted. */
export interface PublicWriteLimiter {
  consume(pairs: [RateLimitRule, string | null | undefined][]): Promise<unknown>;
}

/** Bind the shared limiter here: `{ provide: PUBLIC_WRITE_LIMITER, useExisting: RateLimiter }`. */
export const PUBLIC_WRITE_LIMITER = Symbol('PUBLIC_WRITE_LIMITER');

/**
 * Limits on the anonymous writes of this lib. The per-IP limits are generous because a whole
 * office or school may register from one address; the per-email one stops a stranger from
 * flooding someone's inbox with "you are already registered" mails.
 */
export const PUBLIC_WRITE_RULES = {
  registerPerIp: { name: 'register-ip', limit: 300, windowSeconds: 600 },
  registerPerEmail: { name: 'register-email', limit: 10, windowSeconds: 3600 },
  tokenUsePerIp: { name: 'registration-token-ip', limit: 120, windowSeconds: 600 },
} satisfies Record<string, RateLimitRule>;

/**
 * Where the public registration mutations ask the rate limiter. Without a limiter bound to
 * PUBLIC_WRITE_LIMITER (the shared one lives in @mangfold/auth) every request goes ahead.
 */
@Injectable()
export class PublicWriteLimits {
  constructor(@Optional() @Inject(PUBLIC_WRITE_LIMITER) private readonly limiter?: PublicWriteLimiter) {}

  async register(req: Request | undefined, email: string): Promise<void> {
    await this.limiter?.consume([
      [PUBLIC_WRITE_RULES.registerPerIp, req?.ip],
      [PUBLIC_WRITE_RULES.registerPerEmail, email.trim().toLowerCase()],
    ]);
  }

  /** Cancelling and giving feedback by token. */
  async useToken(req: Request | undefined): Promise<void> {
    await this.limiter?.consume([[PUBLIC_WRITE_RULES.tokenUsePerIp, req?.ip]]);
  }
}
