import { randomBytes } from 'node:crypto';
import { loadConfig, type AppConfig } from '@mangfold/config';

export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A test's own Redis key prefix, so parallel test files never see each other's jobs. */
export function uniqueRedisPrefix(): string {
  return `{mtest-${randomBytes(5).toString('hex')}}`;
}

/** Configuration as the apps see it, for a test database and a private Redis prefix. */
export function testConfig(databaseUrl: string, env: Record<string, string | undefined> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_MAX: '5',
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: uniqueRedisPrefix(),
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
    ADMIN_EMAIL: 'admin@test.mangfold.local',
    ADMIN_PASSWORD: 'admin-password-for-tests',
    PUBLIC_BASE_URL: 'http://mangfold.test',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
    WORKER_LOCK_DURATION_MS: '5000',
    WORKER_STALLED_INTERVAL_MS: '2000',
    OUTBOX_RELAY_INTERVAL_MS: '200',
    MIGRATE_ON_START: 'false',
    ...env,
  });
}
