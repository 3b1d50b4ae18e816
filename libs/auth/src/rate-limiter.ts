import { createHash, randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { withTimeout } from '@mangfold/common';
import { InjectConfig, type AppConfig } from '@mangfold/config';
import { InjectRedis } from '@mangfold/jobs';
import { TooManyRequestsError } from '@mangfold/graphql';

/** At most `limit` counted attempts per key in any sliding window of `windowSeconds`. */
export interface RateLimitRule {
  /** Part of the Redis key; keep it stable, or running windows restart. */
  name: string;
  limit: number;
  windowSeconds: number;
}

/** The attempts one call counted; `release` takes them back (e.g. a login that succeeded). */
export interface RateLimitTicket {
  keys: string[];
  member: string;
}

export type RateLimitOutcome = { allowed: true; ticket: RateLimitTicket | null } | { allowed: false; retryAfterSeconds: number };

/*
 * A sliding-window log per key (a sorted set of attempt times). The script checks every key first
 * and records the attempt in all of them only when all allow it, so a request refused by one rule
 * never uses up another, and N api replicas racing on one key cannot exceed the limit. Time comes
 * from Redis, so replicas with skewed clocks agree. All keys share the configured prefix, a Redis
 * Cluster hash tag, so one script may touch several keys.
 *
 * KEYS: one per rule. ARGV: member, then limit and window (ms) per key.
 * Returns {1, 0} when recorded, {0, retryAfterMs} when refused.
 */
const CONSUME_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local retry = 0
for i, key in ipairs(KEYS) do
  local limit = tonumber(ARGV[i * 2])
  local window = tonumber(ARGV[i * 2 + 1])
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  local count = redis.call('ZCARD', key)
  if count >= limit then
    local freeing = redis.call('ZRANGE', key, count - limit, count - limit, 'WITHSCORES')
    local wait = tonumber(freeing[2]) + window - now
    if wait > retry then retry = wait end
  end
end
if retry > 0 then return {0, retry} end
for i, key in ipairs(KEYS) do
  redis.call('ZADD', key, now, ARGV[1])
  redis.call('PEXPIRE', key, tonumber(ARGV[i * 2 + 1]))
end
return {1, 0}
`;

type RedisWithScript = Redis & {
  mangfoldRateLimit(...args: (string | number)[]): Promise<[number, number]>;
};

/** How long a rate-limit call may take before the request goes ahead without it. */
const REDIS_TIMEOUT_MS = 500;
const WARN_EVERY_MS = 30_000;

/**
 * Redis-backed rate limiting shared by every api replica. When Redis is unreachable the limiter
 * fails open (the request goes ahead, a warning is logged): an outage of the queue store must not
 * lock TFI out of the calendar. Keys hold a hash of what they limit (an email, an IP), never the
 * value itself.
 */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger(RateLimiter.name);
  private lastWarning = 0;

  constructor(
    @InjectRedis() private readonly redis: Redis,
    @InjectConfig() private readonly config: AppConfig,
  ) {
    if (!('mangfoldRateLimit' in redis)) redis.defineCommand('mangfoldRateLimit', { lua: CONSUME_SCRIPT });
  }

  /**
   * Counts one attempt against every (rule, key) pair, or none when any of them is at its limit.
   * Pairs with an empty key (e.g. no client IP known) are skipped.
   */
  async attempt(pairs: [RateLimitRule, string | null | undefined][]): Promise<RateLimitOutcome> {
    const used = pairs.filter((p): p is [RateLimitRule, string] => !!p[1]);
    if (used.length === 0) return { allowed: true, ticket: null };
    const keys = used.map(([rule, key]) => this.keyOf(rule, key));
    const member = randomUUID();
    const args = used.flatMap(([rule]) => [rule.limit, rule.windowSeconds * 1000]);
    try {
      const [allowed, retryMs] = await withRedisTimeout(
        (this.redis as RedisWithScript).mangfoldRateLimit(keys.length, ...keys, member, ...args),
      );
      if (allowed === 1) return { allowed: true, ticket: { keys, member } };
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryMs / 1000)) };
    } catch (error) {
      this.warnFailOpen(error);
      return { allowed: true, ticket: null };
    }
  }

  /** Like `attempt`, but throws TOO_MANY_REQUESTS (with `extensions.retryAfter`) when refused. */
  async consume(
    pairs: [RateLimitRule, string | null | undefined][],
    message?: (retryAfterSeconds: number) => string,
  ): Promise<RateLimitTicket | null> {
    const outcome = await this.attempt(pairs);
    if (!outcome.allowed) throw new TooManyRequestsError(outcome.retryAfterSeconds, message?.(outcome.retryAfterSeconds));
    return outcome.ticket;
  }

  /** Takes back the attempt a ticket counted, so it no longer uses up the window. */
  async release(ticket: RateLimitTicket | null): Promise<void> {
    if (!ticket) return;
    try {
      const pipeline = this.redis.pipeline();
      for (const key of ticket.keys) pipeline.zrem(key, ticket.member);
      await withRedisTimeout(pipeline.exec());
    } catch (error) {
      this.warnFailOpen(error);
    }
  }

  /** Forgets every attempt counted for this key. */
  async reset(rule: RateLimitRule, key: string): Promise<void> {
    try {
      await withRedisTimeout(this.redis.del(this.keyOf(rule, key)));
    } catch (error) {
      this.warnFailOpen(error);
    }
  }

  private keyOf(rule: RateLimitRule, key: string): string {
    const digest = createHash('sha256').update(key).digest('base64url').slice(0, 32);
    return `${this.config.redis.prefix}:ratelimit:${rule.name}:${digest}`;
  }

  private warnFailOpen(error: unknown): void {
    const now = Date.now();
    if (now - this.lastWarning < WARN_EVERY_MS) return;
    this.lastWarning = now;
    const reason = error instanceof Error ? error.message : String(error);
    this.logger.warn(`Rate limits are not enforced while Redis is unavailable (${reason}); requests are let through`);
  }
}

function withRedisTimeout<T>(promise: Promise<T>): Promise<T> {
  return withTimeout(promise, REDIS_TIMEOUT_MS, 'Redis');
}
