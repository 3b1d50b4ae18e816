import type { INestApplicationContext } from '@nestjs/common';
import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import { Queue } from 'bullmq';
import { DateTime } from 'luxon';
import { JobName, QueueName, redisOptionsFromUrl } from '@mangfold/jobs';
import { ReportPeriod, ReportTrigger, StatusReport, StatusReportsService } from '@mangfold/kpi';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app';
import { startTestApp, waitFor, type TestApp } from '../utils';

const ZONE = 'Europe/Copenhagen';

/** The next 1 August / 1 December at 08:00 in Copenhagen. */
function nextSlot(month: 8 | 12, now = DateTime.now().setZone(ZONE)): DateTime {
  const thisYear = DateTime.fromObject({ year: now.year, month, day: 1, hour: 8 }, { zone: ZONE });
  return thisYear > now ? thisYear : thisYear.plus({ years: 1 });
}

describe('the status report schedule with two workers', () => {
  let app: TestApp;
  let workers: INestApplicationContext[];
  let queue: Queue;

  beforeAll(async () => {
    app = await startTestApp({ env: { REPORT_RECIPIENTS: 'tfi@test.mangfold.local' } });
    // Two worker replicas starting at the same moment, as in a deploy.
    workers = await Promise.all([createWorkerApp(app.config), createWorkerApp(app.config)]);
    queue = new Queue(QueueName.Reports, { connection: redisOptionsFromUrl(app.config.redis.url), prefix: app.config.redis.prefix });
  }, 120_000);
  afterAll(async () => {
    await queue.close();
    await Promise.all(workers.map((w) => w.close()));
    await app.close();
  }, 120_000);

  const reportsNotified = async () =>
    (
      await app
        .em()
        .getConnection()
        .execute<{ id: string }[]>(`select payload->>'reportId' as id from outbox_message where payload->>'kind' = 'status-report'`)
    )
      .map((r) => r.id)
      .sort();

  it('keeps one schedule per slot: 1 August and 1 December at 08:00 Copenhagen time', async () => {
    await waitFor(async () => (await queue.getJobSchedulersCount()) === 2 && (await queue.getDelayedCount()) === 2, 10_000, 'schedules');
    const schedulers = (await queue.getJobSchedulers()).sort((a, b) => a.key.localeCompare(b.key));
    expect(schedulers.map((s) => [s.key, s.name, s.pattern, s.tz, s.next])).toEqual([
      ['status-report-august', JobName.GenerateStatusReport, '0 8 1 8 *', ZONE, nextSlot(8).toMillis()],
      ['status-report-december', JobName.GenerateStatusReport, '0 8 1 12 *', ZONE, nextSlot(12).toMillis()],
    ]);
  });

  it('makes exactly one report and one mail per slot when both workers run it at once', async () => {
    const due = await queue.getDelayed();
    expect(due).toHaveLength(2);
    const slots = due.map((job) => {
      const period = (job.data as { period: 'AUGUST' | 'DECEMBER' }).period;
      return { period, year: nextSlot(period === 'AUGUST' ? 8 : 12).year };
    });
    // The slots come due (as at 08:00 on the day), and each also arrives twice more, as from a second deployment's
    // scheduler or a retry: the two workers take them in parallel.
    await Promise.all(due.map((job) => job.promote()));
    await queue.addBulk(slots.flatMap((s) => [1, 2].map(() => ({ name: JobName.GenerateStatusReport, data: s }))));
    await waitFor(async () => (await queue.getCompletedCount()) === 6, 30_000, 'six report jobs done');
    expect(await queue.getFailedCount()).toBe(0);

    const reports = await app.em().find(StatusReport, {}, { orderBy: { slot: 'asc' } });
    expect(reports.map((r) => [r.slot, r.trigger, r.recipients])).toEqual(
      slots
        .map((s) => [`${s.year}-${s.period}`, ReportTrigger.SCHEDULE, ['tfi@test.mangfold.local']])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    const results = (await queue.getCompleted()).map((j) => j.returnvalue as { reportId: string; created: boolean });
    expect(results.filter((r) => r.created)).toHaveLength(2);
    expect(new Set(results.map((r) => r.reportId))).toEqual(new Set(reports.map((r) => r.id)));
    expect(await reportsNotified()).toEqual(reports.map((r) => r.id).sort());
    // The schedules go on to the next year's slots.
    await waitFor(async () => (await queue.getDelayedCount()) === 2, 10_000, 'next slots scheduled');
  });

  it('lets concurrent requests for one slot race to a single report', async () => {
    const service = app.api.get(StatusReportsService);
    const orm = app.api.get(MikroORM);
    const year = DateTime.now().setZone(ZONE).year - 1;
    // Each call in a context of its own, as in separate processes.
    const results = await Promise.all(
      [1, 2, 3, 4].map(() =>
        RequestContext.create(orm.em, () => service.generate(year, ReportPeriod.AUGUST, { trigger: ReportTrigger.SCHEDULE })),
      ),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.report.id)).size).toBe(1);
    expect(await app.em().count(StatusReport, { slot: `${year}-AUGUST` })).toBe(1);
    expect((await reportsNotified()).filter((id) => id === results[0].report.id)).toHaveLength(1);
  });
});
