import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { SMTPServer } from 'smtp-server';
import type { AppConfig } from '@mangfold/config';
import { JobName, QUEUE_DEFAULT_JOB_OPTIONS, QueueName, redisOptionsFromUrl } from '@mangfold/jobs';
import { registrationManagementUrl, renderMail, textsFor, eventView, reminderJobId } from '@mangfold/notifications';
import { initOrm } from '@mangfold/prisma-free-db';
import { Event } from '@mangfold/calendar';
import { createEvent } from '../test/factories';
import { cleanRedisPrefix, createTestDatabase, testConfig } from '../test/utils';
import { ratioFigure, type Benchmark, type Figure } from './harness';

const root = join(__dirname, '..');
const MAILS = 10_000;
const LATENESS_MAILS = 2_000;
const LATENESS_SPREAD_MS = 20_000;
const SMTP_CONNECTIONS = 5;

/** A local SMTP sink that only counts: who got a mail, and when its final line arrived. */
class CountingSink {
  readonly received = new Map<string, number[]>();
  total = 0;
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData: (stream, session, callback) => {
      stream.resume();
      stream.on('end', () => {
        const to = session.envelope.rcptTo[0]?.address.toLowerCase() ?? '';
        const times = this.received.get(to) ?? [];
        times.push(Date.now());
        this.received.set(to, times);
        this.total++;
        callback();
      });
    },
  });
  port = 0;

  async start(): Promise<this> {
    this.server.on('error', () => undefined);
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as { port: number }).port;
    return this;
  }
  get url(): string {
    return `smtp://127.0.0.1:${this.port}?pool=${SMTP_CONNECTIONS}`;
  }
  reset(): void {
    this.received.clear();
    this.total = 0;
  }
  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function startWorker(config: AppConfig, smtpUrl: string): ChildProcess {
  return spawn(process.execPath, ['-r', '@swc-node/register', join(root, 'apps/worker/src/main.ts')], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      DATABASE_URL: config.db.url,
      DATABASE_POOL_MAX: '10',
      REDIS_URL: config.redis.url,
      REDIS_PREFIX: config.redis.prefix,
      SMTP_URL: smtpUrl,
      PUBLIC_BASE_URL: config.http.publicBaseUrl,
      JWT_SECRET: config.auth.jwtSecret,
      MIGRATE_ON_START: 'false',
      LOG_LEVEL: 'error',
      WORKER_LOCK_DURATION_MS: '3000',
      WORKER_STALLED_INTERVAL_MS: '1000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function tally(sink: CountingSink, emails: string[]): { lost: number; duplicated: number } {
  let lost = 0;
  let duplicated = 0;
  for (const email of emails) {
    const n = sink.received.get(email)?.length ?? 0;
    if (n === 0) lost++;
    if (n > 1) duplicated += n - 1;
  }
  return { lost, duplicated };
}

export const benchmark: Benchmark = {
  group: 'reminders',
  async run(): Promise<Figure[]> {
    const db = await createTestDatabase();
    const config = testConfig(db.url, { PUBLIC_BASE_URL: 'http://mangfold.bench' });
    const orm = await initOrm(config);
    const sink = await new CountingSink().start();
    const queue = new Queue(QueueName.Reminders, {
      connection: redisOptionsFromUrl(config.redis.url),
      prefix: config.redis.prefix,
      defaultJobOptions: QUEUE_DEFAULT_JOB_OPTIONS[QueueName.Reminders],
    });
    const workers: ChildProcess[] = [];
    try {
      // Data: an event two hours away with a one-hour reminder, and its registrants (three rounds).
      const em = orm.em.fork();
      const startsAt = new Date(Date.now() + 2 * 3600_000);
      const event = await createEvent(em, {
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3600_000),
        title: { da: 'Fællesspisning i Mjølnerparken', en: 'Community dinner' },
      });
      event.reminderOffsetsMinutes = [60];
      await em.flush();
      const total = 2 * MAILS + LATENESS_MAILS;
      await em.getConnection().execute(
        `insert into registration (id, created_at, updated_at, event_id, status, party_size, name, email, locale, consent_version, consented_at)
         select gen_random_uuid(), now(), now(), ?, 'CONFIRMED', 1, 'Deltager ' || i, 'bench-' || i || '@test.mangfold.local',
                case when i % 5 = 0 then 'en' else 'da' end, '2026-01', now()
           from generate_series(1, ?) as i`,
        [event.id, total],
      );
      const rows = await em
        .getConnection()
        .execute<{ id: string; email: string; name: string; locale: string; token_version: number }[]>(
          `select id, email, name, locale, token_version from registration where event_id = ? order by email`,
          [event.id],
        );
      const rounds = [rows.slice(0, MAILS), rows.slice(MAILS, 2 * MAILS), rows.slice(2 * MAILS)];

      // The baseline: the same reminder mails, rendered by the same templates, sent by nodemailer alone.
      const loaded = await orm.em.fork().findOneOrFail(Event, event.id);
      const baselineMails = rounds[0].map((r) => {
        const { locale, texts } = textsFor(r.locale);
        const content = texts.reminder({
          name: r.name,
          event: eventView(config, loaded, locale),
          partySize: 1,
          manageUrl: registrationManagementUrl(config, { id: r.id, tokenVersion: r.token_version }),
          offsetMinutes: 60,
        });
        return { from: config.mail.from, to: r.email, ...renderMail(config, locale, content) };
      });
      const file = join(mkdtempSync(join(tmpdir(), 'mangfold-bench-')), 'mails.json');
      writeFileSync(file, JSON.stringify(baselineMails));
      const baseline = spawn(
        process.execPath,
        [
          '-r',
          '@swc-node/register',
          join(__dirname, 'reminders-baseline.ts'),
          file,
          `smtp://127.0.0.1:${sink.port}`,
          String(SMTP_CONNECTIONS),
        ],
        { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
      );
      let out = '';
      baseline.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      await new Promise((resolve) => baseline.once('exit', resolve));
      const baselineMs = Number(out.trim());
      const baselineCounts = tally(
        sink,
        rounds[0].map((r) => r.email),
      );
      if (sink.total !== MAILS || baselineCounts.lost || baselineCounts.duplicated) throw new Error(`baseline delivered ${sink.total}`);
      sink.reset();

      // Ours: 10,000 reminder jobs all due at one instant, the worker (a process of its own) sends them.
      workers.push(startWorker(config, sink.url));
      await until(async () => (await queue.getWorkersCount()) > 0, 60_000, 'the worker starting');
      const addJobs = async (list: typeof rows, dueAt: (i: number) => number) => {
        for (let i = 0; i < list.length; i += 1000) {
          await queue.addBulk(
            list.slice(i, i + 1000).map((r, j) => ({
              name: JobName.SendReminder,
              data: { registrationId: r.id, offsetMinutes: 60, startsAt: startsAt.toISOString() },
              opts: { jobId: reminderJobId(r.id, 60), delay: Math.max(0, dueAt(i + j) - Date.now()) },
            })),
          );
        }
      };
      const due = Date.now() + 5_000;
      await addJobs(rounds[0], () => due);
      await until(() => sink.total >= MAILS, 180_000, 'all reminders arriving');
      const lastAt = Math.max(...[...sink.received.values()].flat());
      const oursMs = lastAt - due;
      const ours = tally(
        sink,
        rounds[0].map((r) => r.email),
      );
      process.stderr.write(`  ours: ${MAILS} in ${oursMs} ms; nodemailer alone: ${baselineMs} ms\n`);
      sink.reset();

      // Again, with the worker killed (SIGKILL) a third of the way through and a new one started.
      const dueKill = Date.now() + 3_000;
      await addJobs(rounds[1], () => dueKill);
      await until(() => sink.total >= MAILS / 3, 180_000, 'a third of the reminders arriving');
      workers[0].kill('SIGKILL');
      await new Promise((resolve) => workers[0].once('exit', resolve));
      const atKill = sink.total;
      workers.push(startWorker(config, sink.url));
      // Done when every mail is in and no job is left (completed jobs are pruned past 10,000, so they cannot be counted).
      await until(
        async () => {
          if (sink.total < MAILS) return false;
          const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
          return c.waiting + c.active + c.delayed + c.prioritized === 0;
        },
        240_000,
        'every job finishing after the kill',
      );
      // Stalled jobs of the killed worker would come back within a few seconds: give them the chance to duplicate.
      await new Promise((r) => setTimeout(r, 5_000));
      const killed = tally(
        sink,
        rounds[1].map((r) => r.email),
      );
      sink.reset();

      // Lateness: 2,000 reminders due evenly over 20 s; how long after its due time each arrives.
      const firstDue = Date.now() + 3_000;
      const dueOf = (i: number) => firstDue + Math.floor((i * LATENESS_SPREAD_MS) / LATENESS_MAILS);
      await addJobs(rounds[2], dueOf);
      await until(() => sink.total >= LATENESS_MAILS, 120_000, 'the spread reminders arriving');
      const lateness = rounds[2].map((r, i) => (sink.received.get(r.email)?.[0] ?? Infinity) - dueOf(i));
      const p99 = percentile(lateness, 99);
      const lateCounts = tally(
        sink,
        rounds[2].map((r) => r.email),
      );

      const oursRate = MAILS / (oursMs / 1000);
      const baselineRate = MAILS / (baselineMs / 1000);
      const rate = ratioFigure(
        'reminders',
        oursRate,
        baselineRate,
        { atLeast: 0.8 },
        {
          unit: 'mails/s',
          mails: MAILS,
          smtpConnections: SMTP_CONNECTIONS,
          ourMs: oursMs,
          baselineMs,
          lost: ours.lost,
          duplicated: ours.duplicated,
          killedRun: { mailsBeforeKill: atKill, lost: killed.lost, duplicated: killed.duplicated },
        },
      );
      const countsOk = ours.lost + ours.duplicated + killed.lost + killed.duplicated === 0;
      return [
        { ...rate, pass: rate.pass && countsOk },
        {
          name: 'reminder-lateness',
          value: Number((p99 / 1000).toFixed(3)),
          unit: 's (p99)',
          goal: '≤ 1 s',
          pass: p99 <= 1_000 && lateCounts.lost + lateCounts.duplicated === 0,
          details: {
            mails: LATENESS_MAILS,
            spreadMs: LATENESS_SPREAD_MS,
            p50Ms: percentile(lateness, 50),
            p99Ms: p99,
            maxMs: Math.max(...lateness),
            lost: lateCounts.lost,
            duplicated: lateCounts.duplicated,
          },
        },
      ];
    } finally {
      for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGKILL');
      await queue.close();
      await orm.close();
      await sink.stop();
      await cleanRedisPrefix(config);
      await db.drop();
    }
  },
};
