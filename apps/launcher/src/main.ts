import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { Logger } from '@nestjs/common';
import { resolve } from 'node:path';
import { loadConfig, loadConfigOrExit, type AppConfig } from '@mangfold/config';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '@mangfold/db';
import { DEMO_MEMBER_PASSWORD, DemoSeeder, initOrm, migrateAndSeedReference } from '@mangfold/prisma-free-db';
import { findOrStartRedis, type LocalRedis } from './local-redis';

/*
 * `npm start`: the whole system on one machine with no configuration. Starts the embedded
 * PostgreSQL (unless DATABASE_URL is set) and finds or starts Redis, migrates, loads reference
 * data (and demo data into an empty embedded database), then runs the api and the worker as child
 * processes until Ctrl-C, and stops everything in order.
 */

const DEMO_ADMIN = { email: 'admin@mangfold.local', password: 'mangfold-admin-2026' };

function log(message: string): void {
  process.stdout.write(`[mangfold] ${message}\n`);
}

async function main(): Promise<void> {
  // The banner is what matters here; migration chatter only when asked for (LOG_LEVEL=info or debug).
  if (!['info', 'debug', 'trace'].includes(process.env.LOG_LEVEL ?? '')) Logger.overrideLogger(['error', 'warn']);
  const baseConfig = loadConfigOrExit();
  const dataDir = resolve(baseConfig.db.dataDir);
  let embedded: EmbeddedPostgres | undefined;
  let redis: LocalRedis | undefined;
  const children: ChildProcess[] = [];
  let stopping = false;

  const stop = async (code: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log('stopping…');
    await Promise.all(children.map((child) => terminate(child, 15_000)));
    if (redis?.child) await terminate(redis.child, 5_000);
    await embedded?.stop();
    log('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    if (!baseConfig.db.url) {
      log(`starting the embedded PostgreSQL (data in ${resolve(dataDir, 'pglite')})…`);
      embedded = await startEmbeddedPostgres({ dataDir });
    }
    if (!process.env.REDIS_URL) redis = await findOrStartRedis(dataDir);

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: baseConfig.db.url ?? embedded!.url,
      DATABASE_POOL_MAX: embedded ? '1' : process.env.DATABASE_POOL_MAX,
      REDIS_URL: process.env.REDIS_URL ?? redis!.url,
      ADMIN_EMAIL: process.env.ADMIN_EMAIL ?? DEMO_ADMIN.email,
      ADMIN_PASSWORD: process.env.ADMIN_PASSWORD ?? DEMO_ADMIN.password,
      // The launcher migrates once, before the api and the worker start.
      MIGRATE_ON_START: 'false',
      // Keep the console to warnings so the banner stands out; LOG_LEVEL=info shows every request.
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    };
    const config = loadConfig(env);

    const orm = await initOrm(config);
    try {
      const applied = await migrateAndSeedReference(orm, config.db.url!);
      if (applied.length) log(`applied ${applied.length} migration(s)`);
      if (embedded && (await new DemoSeeder().load(orm.em.fork()))) log('loaded the demo data');
    } finally {
      await orm.close();
    }

    for (const app of ['api', 'worker']) {
      const child = spawn(process.execPath, [resolve(__dirname, `../../${app}/src/main.js`)], { env, stdio: 'inherit', detached: true });
      child.once('exit', (code, signal) => {
        if (stopping) return;
        log(`the ${app} exited (${signal ?? `code ${code}`}); stopping the rest`);
        void stop(1);
      });
      children.push(child);
    }

    const base = `http://localhost:${config.http.port}`;
    await waitForHealth(`${base}/health`, 60_000);
    process.stdout.write(banner(config, base, { embedded: !!embedded, dataDir, startedRedis: !!redis?.child }).join('\n') + '\n');
  } catch (error) {
    process.stderr.write(`[mangfold] ${error instanceof Error ? error.message : String(error)}\n`);
    await stop(1);
  }
}

/** What `npm start` prints once everything answers: where to find each part, and how to log in. */
function banner(config: AppConfig, base: string, where: { embedded: boolean; dataDir: string; startedRedis: boolean }): string[] {
  const admin =
    config.auth.adminEmail === DEMO_ADMIN.email
      ? `${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}`
      : `${config.auth.adminEmail} (password from ADMIN_PASSWORD)`;
  return [
    '',
    'Mangfold is running.',
    `  Front page    ${base}/   (English: ${base}/en)`,
    `  Events        ${base}/arrangementer`,
    `  Atlas         ${base}/atlas`,
    `  Portal        ${base}/portal   (associations and TFI log in here)`,
    `  GraphQL IDE   ${base}/graphql`,
    `  Calendar feed ${base}/calendar.ics   (webcal://localhost:${config.http.port}/calendar.ics)`,
    `  Health        ${base}/health`,
    `  Metrics       ${base}/metrics`,
    `  Admin login   ${admin}`,
    ...(where.embedded ? [`  Demo member   mjoelnerparkens-beboerforening@demo.mangfold.local / ${DEMO_MEMBER_PASSWORD}`] : []),
    `  Database      ${where.embedded ? `embedded PostgreSQL in ${resolve(where.dataDir, 'pglite')}` : 'DATABASE_URL'}`,
    `  Redis         ${config.redis.url}${where.startedRedis ? ' (started by npm start)' : ''}`,
    `  Mail          ${config.mail.smtpUrl ? 'SMTP_URL' : `written as .eml files to ${resolve(config.mail.outboxDir)}`}`,
    'Press Ctrl-C to stop.',
    '',
  ];
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not become healthy within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function terminate(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    child.kill('SIGTERM');
  });
}

void main();
