import { randomBytes } from 'node:crypto';
import { isIn, isInt, matches, validateSync, ValidateBy } from 'class-validator';
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
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const DATABASE_EXAMPLE = 'postgres://mangfold:secret@db:5432/mangfold';

/**
 * One rule of a variable: `check` says what is wrong with its value (undefined when absent or
 * blank), or nothing. The message is the line an operator reads: `NAME: what (example: NAME=good)`.
 */
function Rule(check: (value: string | undefined, env: Environment) => string | undefined, example: string | (() => string)) {
  return ValidateBy({
    name: 'environment',
    validator: {
      validate: (value: string | undefined, args) => check(value, args?.object as Environment) === undefined,
      defaultMessage: (args) =>
        `${args?.property}: ${check(args?.value as string | undefined, args?.object as Environment)} (example: ${args?.property}=${
          typeof example === 'string' ? example : example()
        })`,
    },
  });
}

const WholeNumber = (min: number, max: number, example: string) =>
  Rule(
    (v) =>
      v === undefined || (isInt(Number(v)) && Number(v) >= min && Number(v) <= max)
        ? undefined
        : `must be a whole number from ${min} to ${max}, got "${v}"`,
    example,
  );

const Flag = () =>
  Rule((v) => (v === undefined || /^(1|true|yes|on|0|false|no|off)$/i.test(v) ? undefined : `must be true or false, got "${v}"`), 'true');

const Url = (protocols: string[], example: string, requiredInProduction?: string) =>
  Rule((v, env) => {
    if (v === undefined)
      return requiredInProduction !== undefined && env.production ? `is required in production${requiredInProduction}` : undefined;
    let protocol: string;
    try {
      protocol = new URL(v).protocol;
    } catch {
      return 'is not a valid URL';
    }
    return protocols.includes(protocol)
      ? undefined
      : `must use ${protocols.map((p) => p.replace(':', '://')).join(' or ')}, got "${protocol}//"`;
  }, example);

/**
 * The environment as a typed class: each variable trimmed (blank counts as unset) and checked by
 * its class-validator rule. `loadConfig` reports every broken rule at once, one line each.
 */
class Environment {
  get production(): boolean {
    return this.NODE_ENV === 'production';
  }

  @Rule(
    (v) =>
      v === undefined || isIn(v, ['development', 'test', 'production']) ? undefined : `must be development, test or production, got "${v}"`,
    'production',
  )
  NODE_ENV: string | undefined = undefined;

  @WholeNumber(0, 65535, '3000')
  PORT: string | undefined = undefined;

  @Url(['http:', 'https:'], 'https://kalender.kk.dk')
  PUBLIC_BASE_URL: string | undefined = undefined;

  @Url(['postgres:', 'postgresql:'], DATABASE_EXAMPLE, ' (the embedded database is for development only)')
  DATABASE_URL: string | undefined = undefined;

  @WholeNumber(1, 100, '10')
  DATABASE_POOL_MAX: string | undefined = undefined;

  @WholeNumber(0, 600_000, '15000')
  DATABASE_STATEMENT_TIMEOUT_MS: string | undefined = undefined;

  @Flag()
  MIGRATE_ON_START: string | undefined = undefined;

  DATA_DIR: string | undefined = undefined;

  @Url(['redis:', 'rediss:'], 'redis://redis:6379', '')
  REDIS_URL: string | undefined = undefined;

  // The braces make a Redis Cluster hash tag, so all of a queue's keys land on one slot.
  @Rule(
    (v) =>
      v === undefined || matches(v, /^[A-Za-z0-9_.:{}-]{1,64}$/) ? undefined : 'may hold only letters, digits and _ . : - { } (at most 64)',
    '{mangfold}',
  )
  REDIS_PREFIX: string | undefined = undefined;

  @Url(['smtp:', 'smtps:'], 'smtp://user:pass@smtp.example.org:587')
  SMTP_URL: string | undefined = undefined;

  MAIL_FROM: string | undefined = undefined;

  MAIL_OUTBOX_DIR: string | undefined = undefined;

  @WholeNumber(0, 7 * 24 * 60, '60')
  FEEDBACK_DELAY_MINUTES: string | undefined = undefined;

  @Rule(
    (v, env) => {
      if (v === undefined) return env.production ? 'is required in production' : undefined;
      return v.length < 32 ? `must be at least 32 characters, got ${v.length}` : undefined;
    },
    () => randomBytes(32).toString('hex'),
  )
  JWT_SECRET: string | undefined = undefined;

  @WholeNumber(60, 30 * 24 * 3600, '28800')
  JWT_TTL_SECONDS: string | undefined = undefined;

  @Rule((v, env) => {
    if (v === undefined) return env.ADMIN_PASSWORD === undefined ? undefined : 'ADMIN_EMAIL and ADMIN_PASSWORD must be set together';
    return EMAIL.test(v) ? undefined : 'is not an email address';
  }, 'tfi@kk.dk')
  ADMIN_EMAIL: string | undefined = undefined;

  @Rule((v, env) => {
    if (v === undefined) return env.ADMIN_EMAIL === undefined ? undefined : 'ADMIN_EMAIL and ADMIN_PASSWORD must be set together';
    return v.length < 10 ? 'must be at least 10 characters' : undefined;
  }, 'a-long-passphrase')
  ADMIN_PASSWORD: string | undefined = undefined;

  @Rule((v) => (v === undefined || isValidTimeZone(v) ? undefined : `"${v}" is not an IANA time zone`), 'Europe/Copenhagen')
  TZ_DEFAULT: string | undefined = undefined;

  @Rule((v) => {
    const bad = recipientsOf(v).filter((r) => !EMAIL.test(r));
    return bad.length === 0
      ? undefined
      : `${bad.map((r) => `"${r}"`).join(', ')} ${bad.length === 1 ? 'is not an email address' : 'are not email addresses'}`;
  }, 'tfi@kk.dk,udvalg@kk.dk')
  REPORT_RECIPIENTS: string | undefined = undefined;

  @WholeNumber(1, 3650, '90')
  PERSONAL_DATA_RETENTION_DAYS: string | undefined = undefined;

  FEEDS_DIR: string | undefined = undefined;

  @WholeNumber(1024, 10 * 1024 * 1024, '102400')
  HTTP_BODY_LIMIT: string | undefined = undefined;

  @Flag()
  TRUST_PROXY: string | undefined = undefined;

  @Rule((v) => (v === undefined || LOG_LEVELS.includes(v) ? undefined : `must be one of ${LOG_LEVELS.join(', ')}, got "${v}"`), 'info')
  LOG_LEVEL: string | undefined = undefined;

  @WholeNumber(1_000, 600_000, '30000')
  WORKER_LOCK_DURATION_MS: string | undefined = undefined;

  @WholeNumber(1_000, 600_000, '30000')
  WORKER_STALLED_INTERVAL_MS: string | undefined = undefined;

  @WholeNumber(50, 60_000, '1000')
  OUTBOX_RELAY_INTERVAL_MS: string | undefined = undefined;
}

type Variable = Exclude<keyof Environment, 'production'>;

function recipientsOf(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Reads and validates configuration from the environment.
 * Every problem is collected, so an operator fixes them all in one go.
 */
export function loadConfig(env: Env = process.env): AppConfig {
  const e = new Environment();
  // Every variable is an own property of the class (initialised to undefined), so this reads exactly those.
  for (const name of Object.keys(e) as Variable[]) {
    const value = env[name]?.trim();
    if (value) e[name] = value;
  }
  const errors = validateSync(e, { stopAtFirstError: true, forbidUnknownValues: false });
  const problems = errors.flatMap((error) => Object.values(error.constraints ?? {}));
  if (problems.length > 0) throw new ConfigError(problems);

  const nodeEnv = (e.NODE_ENV ?? 'development') as NodeEnv;
  const int = (value: string | undefined, fallback: number): number => (value === undefined ? fallback : Number(value));
  const bool = (value: string | undefined, fallback: boolean): boolean =>
    value === undefined ? fallback : /^(1|true|yes|on)$/i.test(value);
  const port = int(e.PORT, 3000);
  const dataDir = e.DATA_DIR ?? './data';
  return {
    env: nodeEnv,
    http: {
      port,
      publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
      bodyLimit: int(e.HTTP_BODY_LIMIT, 100 * 1024),
      trustProxy: bool(e.TRUST_PROXY, false),
    },
    db: {
      url: e.DATABASE_URL,
      poolMax: int(e.DATABASE_POOL_MAX, e.DATABASE_URL ? 10 : 1),
      statementTimeoutMs: int(e.DATABASE_STATEMENT_TIMEOUT_MS, 15_000),
      migrateOnStart: bool(e.MIGRATE_ON_START, true),
      dataDir,
    },
    redis: { url: e.REDIS_URL ?? 'redis://127.0.0.1:6379', prefix: e.REDIS_PREFIX ?? '{mangfold}' },
    mail: {
      smtpUrl: e.SMTP_URL,
      from: e.MAIL_FROM ?? 'Mangfoldighedskalender <no-reply@mangfold.local>',
      outboxDir: e.MAIL_OUTBOX_DIR ?? `${dataDir}/outbox`,
      feedbackDelayMinutes: int(e.FEEDBACK_DELAY_MINUTES, 60),
    },
    auth: {
      jwtSecret: e.JWT_SECRET ?? DEV_JWT_SECRET,
      jwtTtlSeconds: int(e.JWT_TTL_SECONDS, 8 * 3600),
      adminEmail: e.ADMIN_EMAIL?.toLowerCase(),
      adminPassword: e.ADMIN_PASSWORD,
    },
    time: { defaultZone: e.TZ_DEFAULT ?? 'Europe/Copenhagen' },
    privacy: { retentionDays: int(e.PERSONAL_DATA_RETENTION_DAYS, 90) },
    reports: { recipients: recipientsOf(e.REPORT_RECIPIENTS) },
    feeds: { dir: e.FEEDS_DIR },
    jobs: {
      lockDurationMs: int(e.WORKER_LOCK_DURATION_MS, 30_000),
      stalledIntervalMs: int(e.WORKER_STALLED_INTERVAL_MS, 30_000),
      relayIntervalMs: int(e.OUTBOX_RELAY_INTERVAL_MS, 1_000),
    },
    log: { level: e.LOG_LEVEL ?? (nodeEnv === 'test' ? 'warn' : 'info') },
  };
}
