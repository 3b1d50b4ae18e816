import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Queue } from 'bullmq';
import { JobName, QueueName } from '@mangfold/jobs';
import { MailDeliveryStatus } from '@mangfold/notifications';
import { Registration, RegistrationStatus } from '@mangfold/registrations';
import { createEvent } from '../factories';
import { SmtpSink, startTestApp, waitFor, type TestApp } from '../utils';
import { queueOf } from './helpers';

const root = join(__dirname, '../..');
const COUNT = 500;

/** The worker as its own process, as in production, so it can be killed for real. */
function startWorker(app: TestApp, smtpUrl: string): ChildProcess {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(root, 'apps/worker/src/main.ts')], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      DATABASE_URL: app.db.url,
      DATABASE_POOL_MAX: '10',
      REDIS_URL: app.config.redis.url,
      REDIS_PREFIX: app.config.redis.prefix,
      SMTP_URL: smtpUrl,
      PUBLIC_BASE_URL: app.config.http.publicBaseUrl,
      JWT_SECRET: app.config.auth.jwtSecret,
      MIGRATE_ON_START: 'false',
      LOG_LEVEL: 'error',
      // A killed worker's jobs come back as stalled within a few seconds.
      WORKER_LOCK_DURATION_MS: '3000',
      WORKER_STALLED_INTERVAL_MS: '1000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return child;
}

describe('a worker killed while sending reminders', () => {
  let sink: SmtpSink;
  let app: TestApp;
  let queue: Queue;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    app = await startTestApp();
    queue = queueOf(app, QueueName.Reminders);
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await queue.close();
    await app.close();
    await sink.stop();
  });

  it('loses none and sends none twice once a new worker takes over', async () => {
    const em = app.em();
    const startsAt = new Date(Date.now() + 30 * 60_000);
    const event = await createEvent(em, { startsAt, endsAt: new Date(startsAt.getTime() + 3600_000) });
    event.reminderOffsetsMinutes = [60];
    const registrations: Registration[] = [];
    for (let i = 0; i < COUNT; i++) {
      registrations.push(
        em.create(Registration, {
          event,
          status: RegistrationStatus.CONFIRMED,
          partySize: 1,
          name: `Deltager ${i}`,
          email: `crash-${i}@test.mangfold.local`,
          consentVersion: '2026-01',
          consentedAt: new Date(),
        }),
      );
    }
    await em.flush();
    // The reminders are due now (an hour before an event half an hour away counts as due).
    await queue.addBulk(
      registrations.map((r) => ({
        name: JobName.SendReminder,
        data: { registrationId: r.id, offsetMinutes: 60, startsAt: startsAt.toISOString() },
        opts: { jobId: `reminder_${r.id}_60` },
      })),
    );

    const first = startWorker(app, sink.url);
    children.push(first);
    await waitFor(() => sink.mails.length >= 100, 60_000, 'the first worker sending');
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    const whenKilled = sink.mails.length;
    expect(whenKilled).toBeLessThan(COUNT);

    children.push(startWorker(app, sink.url));
    await waitFor(async () => (await queue.getJobCounts('completed')).completed === COUNT, 90_000, 'every reminder job completing');
    const counts = await queue.getJobCounts('failed', 'active', 'waiting', 'delayed');
    expect(counts).toMatchObject({ failed: 0, active: 0, waiting: 0, delayed: 0 });

    const received = new Map<string, number>();
    for (const mail of sink.mails) for (const to of mail.envelope.to) received.set(to, (received.get(to) ?? 0) + 1);
    const duplicated = [...received].filter(([, n]) => n > 1);
    const lost = registrations.filter((r) => !received.has(r.email!));
    expect({ duplicated, lost: lost.map((r) => r.email) }).toEqual({ duplicated: [], lost: [] });
    expect(sink.mails).toHaveLength(COUNT);

    const rows = await app
      .em()
      .getConnection()
      .execute<{ status: string; n: number }[]>(
        `select status, count(*)::int as n from mail_delivery where kind = 'reminder' group by status`,
      );
    // A mail handed over by the killed worker keeps SENDING: the server took it, its answer was never read.
    const byStatus = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    expect((byStatus[MailDeliveryStatus.SENT] ?? 0) + (byStatus[MailDeliveryStatus.SENDING] ?? 0)).toBe(COUNT);
  });
});
