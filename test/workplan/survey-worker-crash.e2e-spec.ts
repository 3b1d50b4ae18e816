import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Queue } from 'bullmq';
import { Role, User } from '@mangfold/auth';
import { QueueName } from '@mangfold/jobs';
import { Language } from '@mangfold/common';
import { AssignmentKind, AssignmentsService } from '@mangfold/workplan';
import { queueOf } from '../notifications/helpers';
import { SmtpSink, startTestApp, waitFor, type TestApp } from '../utils';

const root = join(__dirname, '../..');
const COUNT = 150;

/** The worker as its own process, so it can be killed for real (as test/notifications/worker-crash). */
function startWorker(app: TestApp, smtpUrl: string): ChildProcess {
  return spawn(process.execPath, ['-r', '@swc-node/register', join(root, 'apps/worker/src/main.ts')], {
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
      WORKER_LOCK_DURATION_MS: '3000',
      WORKER_STALLED_INTERVAL_MS: '1000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

describe('a worker killed while mailing requester surveys', () => {
  let sink: SmtpSink;
  let app: TestApp;
  let queue: Queue;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    app = await startTestApp();
    queue = queueOf(app, QueueName.Mail);
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await queue.close();
    await app.close();
    await sink.stop();
  });

  it('mails every requester exactly once when a new worker takes over', async () => {
    const admin = await app.em().findOneOrFail(User, { email: app.config.auth.adminEmail! });
    const actor = { id: admin.id, email: admin.email, role: Role.ADMIN };
    const service = app.api.get(AssignmentsService);
    const emails: string[] = [];
    for (let i = 0; i < COUNT; i++) {
      const email = `requester-${i}@kk.example.org`;
      emails.push(email);
      const a = await service.record(actor, {
        title: `Opgave ${i}`,
        kind: AssignmentKind.TALK,
        requester: { department: 'Økonomiforvaltningen', contactName: `Rekvirent ${i}`, contactEmail: email, language: Language.DA },
        frame: { specific: 's', measurable: 'm', attractive: 'a', realistic: 'r', timeBound: 't', deadline: '2026-12-31' },
      });
      await service.complete(actor, a.id, null);
    }
    // The api's relay queues the outbox rows; no worker consumes them yet.
    await waitFor(async () => (await queue.getJobCounts('waiting')).waiting === COUNT, 30_000, 'the survey jobs queued');

    const first = startWorker(app, sink.url);
    children.push(first);
    await waitFor(() => sink.mails.length >= 20, 60_000, 'the first worker sending');
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    expect(sink.mails.length).toBeLessThan(COUNT);

    children.push(startWorker(app, sink.url));
    await waitFor(async () => (await queue.getJobCounts('completed')).completed === COUNT, 90_000, 'every survey job completing');
    expect(await queue.getJobCounts('failed', 'active', 'waiting', 'delayed')).toMatchObject({
      failed: 0,
      active: 0,
      waiting: 0,
      delayed: 0,
    });

    const received = new Map<string, number>();
    for (const mail of sink.mails) for (const to of mail.envelope.to) received.set(to, (received.get(to) ?? 0) + 1);
    expect({
      duplicated: [...received].filter(([, n]) => n > 1),
      lost: emails.filter((e) => !received.has(e)),
    }).toEqual({ duplicated: [], lost: [] });
    expect(sink.mails).toHaveLength(COUNT);
  });
});
