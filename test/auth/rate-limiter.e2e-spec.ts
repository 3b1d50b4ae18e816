import { Logger } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import Redis from 'ioredis';
import { QueueName } from '@mangfold/jobs';
import type { AppConfig } from '@mangfold/config';
import { RateLimiter, type RateLimitRule } from '@mangfold/auth';
import { createUser, TEST_PASSWORD } from '../factories';
import { PrivateRedis, TEST_REDIS_URL, cleanRedisPrefix, startTestApp, uniqueRedisPrefix, waitFor } from '../utils';

const rule = (name: string, limit: number, windowSeconds = 60): RateLimitRule => ({ name, limit, windowSeconds });

describe('the Redis rate limiter', () => {
  let redis: Redis;
  let config: AppConfig;
  let limiter: RateLimiter;

  beforeAll(() => {
    redis = new Redis(TEST_REDIS_URL, { enableOfflineQueue: true, maxRetriesPerRequest: 1 });
    config = { redis: { url: TEST_REDIS_URL, prefix: uniqueRedisPrefix() } } as AppConfig;
    limiter = new RateLimiter(redis, config);
  });
  afterAll(async () => {
    await cleanRedisPrefix(config);
    redis.disconnect();
  });

  it('allows up to the limit in a window, then refuses with the seconds until a slot frees', async () => {
    const r = rule('basic', 3, 60);
    for (let i = 0; i < 3; i++) expect((await limiter.attempt([[r, 'alice']])).allowed).toBe(true);
    const refused = await limiter.attempt([[r, 'alice']]);
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: expect.any(Number) });
    if (!refused.allowed) {
      expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(59);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    }
    // Another key has its own window.
    expect((await limiter.attempt([[r, 'bob']])).allowed).toBe(true);
    await expect(limiter.consume([[r, 'alice']])).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      extensions: { retryAfter: expect.any(Number) },
    });
  });

  it('takes an attempt back on release, and forgets a key on reset', async () => {
    const r = rule('release', 2, 60);
    const first = await limiter.consume([[r, 'carol']]);
    await limiter.consume([[r, 'carol']]);
    expect((await limiter.attempt([[r, 'carol']])).allowed).toBe(false);
    await limiter.release(first);
    expect((await limiter.attempt([[r, 'carol']])).allowed).toBe(true);
    await limiter.reset(r, 'carol');
    expect((await limiter.attempt([[r, 'carol']])).allowed).toBe(true);
  });

  it('counts an attempt in no window when any of its rules refuses', async () => {
    const perIp = rule('multi-ip', 5, 60);
    const perEmail = rule('multi-email', 1, 60);
    expect(
      (
        await limiter.attempt([
          [perIp, '10.0.0.1'],
          [perEmail, 'dave@example.org'],
        ])
      ).allowed,
    ).toBe(true);
    for (let i = 0; i < 3; i++)
      expect(
        (
          await limiter.attempt([
            [perIp, '10.0.0.1'],
            [perEmail, 'dave@example.org'],
          ])
        ).allowed,
      ).toBe(false);
    // The refused attempts did not use up the IP's window: 4 of 5 are left.
    for (let i = 0; i < 4; i++) expect((await limiter.attempt([[perIp, '10.0.0.1']])).allowed).toBe(true);
    expect((await limiter.attempt([[perIp, '10.0.0.1']])).allowed).toBe(false);
  });

  it('never lets concurrent attempts exceed the limit', async () => {
    const r = rule('race', 10, 60);
    const outcomes = await Promise.all(Array.from({ length: 50 }, () => limiter.attempt([[r, 'eve']])));
    expect(outcomes.filter((o) => o.allowed)).toHaveLength(10);
  });

  it('slides: a slot frees when the oldest attempt leaves the window', async () => {
    const r = rule('slide', 2, 1);
    await limiter.consume([[r, 'frank']]);
    await limiter.consume([[r, 'frank']]);
    expect((await limiter.attempt([[r, 'frank']])).allowed).toBe(false);
    await waitFor(async () => (await limiter.attempt([[r, 'frank']])).allowed, 5_000, 'a slot to free');
  });

  it('keeps its keys under the configured prefix, holding a hash rather than the email', async () => {
    await limiter.consume([[rule('privacy', 5), 'grace@example.org']]);
    const keys = await redis.keys(`${config.redis.prefix}:ratelimit:privacy:*`);
    expect(keys).toHaveLength(1);
    expect(keys[0]).not.toContain('grace');
  });

  it('skips pairs without a key (e.g. no client IP known)', async () => {
    const outcome = await limiter.attempt([[rule('nokey', 1), undefined]]);
    expect(outcome).toEqual({ allowed: true, ticket: null });
  });
});

describe('the rate limiter while Redis is down', () => {
  let redis: PrivateRedis;
  beforeAll(async () => {
    redis = await PrivateRedis.start();
  });
  afterAll(() => redis.stop());

  it('fails open with a warning, and TFI can still log in', async () => {
    const app = await startTestApp({ env: { REDIS_URL: redis.url } });
    const warn = jest.spyOn(Logger.prototype, 'warn');
    try {
      const user = await createUser(app.em(), { email: 'tfi-during-outage@kk.example' });
      await redis.stop();
      const token = await app.login(user.email, TEST_PASSWORD);
      expect(token).toEqual(expect.any(String));
      // Still limited in nothing, so a second login works too; the outage is logged, not hidden.
      await app.login(user.email, TEST_PASSWORD);
      expect(warn.mock.calls.some(([message]) => typeof message === 'string' && /Rate limits are not enforced/.test(message))).toBe(true);
    } finally {
      warn.mockRestore();
      // Back up, and every queue reconnected, so the app closes cleanly.
      await redis.start();
      const queues = Object.values(QueueName).map((name) => app.api.get<Queue>(getQueueToken(name), { strict: false }));
      await waitFor(
        async () =>
          (await fetch(`${app.url}/health`)).status === 200 &&
          (await Promise.all(queues.map((q) => q.client))).every((c) => c.status === 'ready'),
        20_000,
        'Redis connections to come back',
      );
      await app.close();
    }
  });
});
