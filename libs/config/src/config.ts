import { randomBytes } from 'node:crypto';
import { isValidTimeZone } from './time-zone';

export type NodeEnv = 'development' | 'test' | 'production';

export interface AppConfig {
  env: NodeEnv;
  http: {
    port: number;
    publicBaseUrl: string;
    /** Largest accepted request body, in bytes. */
    bodyLimit: number;
    trustProxy: boolean;
  };
  db: {
    /** Undefined means the embedded PostgreSQL started by the launcher. */
    url: string | undefined;
    poolMax: number;
    statementTimeoutMs: number;
    migrateOnStart: boolean;
    dataDir: string;
  };
  redis: {
    url: string;
    /** Prefix of every BullMQ and rate-limit key, so several deployments (or test workers) can share one Redis. */
    prefix: string;
  };
  mail: {
    smtpUrl: string | undefined;
    from: string;
    outboxDir: string;
    /** How long after an event ends its registrants are asked for feedback. */
    feedbackDelayMinutes: number;
  };
  auth: {
    jwtSecret: string;
    jwtTtlSeconds: number;
    adminEmail: string | undefined;
    adminPassword: string | undefined;
  };
  time: { defaultZone: string };
  privacy: {
    /** Days after an event ends before its registrants' personal data is anonymised. */
    retentionDays: number;
  };
  reports: { recipients: string[] };
  feeds: { dir: string | undefined };
  jobs: {
    /** How long a worker holds a job's lock; a killed worker's job is retried after about this long. */
    lockDurationMs: number;
    stalledIntervalMs: number;
    /** How often the outbox relay polls when nothing kicked it. */
    relayIntervalMs: number;
  };
  log: { level: string };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const DEV_JWT_SECRET = 'mangfold-development-secret-change-me-in-production';

/**
 * Reads and validates configuration from the environment.
 * Every problem is collected, so an operator fixes them all in one go.
 */
export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
  const problem = (name: string, what: string, example: string) => problems.push(`${name}: ${what} (example: ${name}=${example})`);

  const int = (name: string, fallback: number, min: number, max: number, example: string): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problem(name, `must be a whole number from ${min} to ${max}, got "${raw}"`, example);
      return fallback;
    }
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    if (/^(1|true|yes|on)$/i.test(raw)) return true;
    if (/^(0|false|no|off)$/i.test(raw)) return false;
    problem(name, `must be true or false, got "${raw}"`, 'true');
    return fallback;
  };
  const url = (name: string, protocols: string[], example: string): string | undefined => {
    const raw = read(name);
    if (raw === undefined) return undefined;
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) {
        problem(name, `must use ${protocols.map((p) => p.replace(':', '://')).join(' or ')}, got "${parsed.protocol}//"`, example);
      }
    } catch {
      problem(name, 'is not a valid URL', example);
    }
    return raw;
  };

  const rawEnv = read('NODE_ENV') ?? 'development';
  let nodeEnv: NodeEnv = 'development';
  if (rawEnv === 'development' || rawEnv === 'test' || rawEnv === 'production') nodeEnv = rawEnv;
  else problem('NODE_ENV', `must be development, test or production, got "${rawEnv}"`, 'production');
  const production = nodeEnv === 'production';

  const port = int('PORT', 3000, 0, 65535, '3000');
  const publicBaseUrl = (url('PUBLIC_BASE_URL', ['http:', 'https:'], 'https://kalender.kk.dk') ?? `http://localhost:${port}`).replace(
    /\/+$/,
    '',
  );

  const dbUrl = url('DATABASE_URL', ['postgres:', 'postgresql:'], 'postgres://mangfold:secret@db:5432/mangfold');
  if (production && !dbUrl)
    problem(
      'DATABASE_URL',
      'is required in production (the embedded database is for development only)',
      'postgres://mangfold:secret@db:5432/mangfold',
    );

  const redisUrl = url('REDIS_URL', ['redis:', 'rediss:'], 'redis://redis:6379') ?? 'redis://127.0.0.1:6379';
  if (production && !read('REDIS_URL')) problem('REDIS_URL', 'is required in production', 'redis://redis:6379');
  // The braces make a Redis Cluster hash tag, so all of a queue's keys land on one slot.
  const redisPrefix = read('REDIS_PREFIX') ?? '{mangfold}';
  if (!/^[A-Za-z0-9_.:{}-]{1,64}$/.test(redisPrefix))
    problem('REDIS_PREFIX', 'may hold only letters, digits and _ . : - { } (at most 64)', '{mangfold}');

  const smtpUrl = url('SMTP_URL', ['smtp:', 'smtps:'], 'smtp://user:pass@smtp.example.org:587');
  const mailFrom = read('MAIL_FROM') ?? 'Mangfoldighedskalender <no-reply@mangfold.local>';

  let jwtSecret = read('JWT_SECRET');
  if (jwtSecret === undefined) {
    if (production) problem('JWT_SECRET', 'is required in production', randomBytes(32).toString('hex'));
    jwtSecret = DEV_JWT_SECRET;
  } else if (jwtSecret.length < 32) {
    problem('JWT_SECRET', `must be at least 32 characters, got ${jwtSecret.length}`, randomBytes(32).toString('hex'));
  }

  const adminEmail = read('ADMIN_EMAIL');
  const adminPassword = read('ADMIN_PASSWORD');
  if (adminEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(adminEmail)) problem('ADMIN_EMAIL', 'is not an email address', 'tfi@kk.dk');
  if ((adminEmail === undefined) !== (adminPassword === undefined)) {
    problem(
      adminEmail ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL',
      'ADMIN_EMAIL and ADMIN_PASSWORD must be set together',
      adminEmail ? 'a-long-passphrase' : 'tfi@kk.dk',
    );
  }
  if (adminPassword !== undefined && adminPassword.length < 10)
    problem('ADMIN_PASSWORD', 'must be at least 10 characters', 'a-long-passphrase');

  const defaultZone = read('TZ_DEFAULT') ?? 'Europe/Copenhagen';
  if (!isValidTimeZone(defaultZone)) problem('TZ_DEFAULT', `"${defaultZone}" is not an IANA time zone`, 'Europe/Copenhagen');

  const recipients = (read('REPORT_RECIPIENTS') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const r of recipients) {
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(r)) problem('REPORT_RECIPIENTS', `"${r}" is not an email address`, 'tfi@kk.dk,udvalg@kk.dk');
  }

  const logLevel = read('LOG_LEVEL') ?? (nodeEnv === 'test' ? 'warn' : 'info');
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    problem('LOG_LEVEL', `must be one of fatal, error, warn, info, debug, trace, silent, got "${logLevel}"`, 'info');
  }

  const config: AppConfig = {
    env: nodeEnv,
    http: {
      port,
      publicBaseUrl,
      bodyLimit: int('HTTP_BODY_LIMIT', 100 * 1024, 1024, 10 * 1024 * 1024, '102400'),
      trustProxy: bool('TRUST_PROXY', false),
    },
    db: {
      url: dbUrl,
      poolMax: int('DATABASE_POOL_MAX', dbUrl ? 10 : 1, 1, 100, '10'),
      statementTimeoutMs: int('DATABASE_STATEMENT_TIMEOUT_MS', 15_000, 0, 600_000, '15000'),
      migrateOnStart: bool('MIGRATE_ON_START', true),
      dataDir: read('DATA_DIR') ?? './data',
    },
    redis: { url: redisUrl, prefix: redisPrefix },
    mail: {
      smtpUrl,
      from: mailFrom,
      outboxDir: read('MAIL_OUTBOX_DIR') ?? `${read('DATA_DIR') ?? './data'}/outbox`,
      feedbackDelayMinutes: int('FEEDBACK_DELAY_MINUTES', 60, 0, 7 * 24 * 60, '60'),
    },
    auth: {
      jwtSecret,
      jwtTtlSeconds: int('JWT_TTL_SECONDS', 8 * 3600, 60, 30 * 24 * 3600, '28800'),
      adminEmail: adminEmail?.toLowerCase(),
      adminPassword,
    },
    time: { defaultZone },
    privacy: { retentionDays: int('PERSONAL_DATA_RETENTION_DAYS', 90, 1, 3650, '90') },
    reports: { recipients },
    feeds: { dir: read('FEEDS_DIR') },
    jobs: {
      lockDurationMs: int('WORKER_LOCK_DURATION_MS', 30_000, 1_000, 600_000, '30000'),
      stalledIntervalMs: int('WORKER_STALLED_INTERVAL_MS', 30_000, 1_000, 600_000, '30000'),
      relayIntervalMs: int('OUTBOX_RELAY_INTERVAL_MS', 1_000, 50, 60_000, '1000'),
    },
    log: { level: logLevel },
  };

  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
