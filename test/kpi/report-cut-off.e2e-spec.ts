import type { INestApplicationContext } from '@nestjs/common';
import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import { Queue } from 'bullmq';
import { DateTime } from 'luxon';
import { EventKind } from '@mangfold/calendar';
import { QueueName, redisOptionsFromUrl } from '@mangfold/jobs';
import { ReportPeriod, ReportTrigger, StatusReport, StatusReportJobs, StatusReportsService, slotOpensAt, slotRunsAt } from '@mangfold/kpi';
import { User, Role } from '@mangfold/auth';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app';
import { createEvent } from '../factories';
import { startTestApp, waitFor, type TestApp } from '../utils';

const ZONE = 'Europe/Copenhagen';
type Scheduled = ReportPeriod.AUGUST | ReportPeriod.DECEMBER;

const figure = (report: StatusReport, key: string) => {
  const kpi = report.snapshot.kpis.find((k) => k.key === key)!;
  return { actual: kpi.actual, planned: kpi.planned };
};

/** The last run of a slot at or before `now`. */
function lastRun(period: Scheduled, now: Date): { year: number; period: Scheduled; run: Date } {
  const year = DateTime.fromJSDate(now, { zone: ZONE }).year;
  const run = slotRunsAt(year, period);
  return run <= now ? { year, period, run } : { year: year - 1, period, run: slotRunsAt(year - 1, period) };
}

describe("a scheduled report's cut-off", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  }, 120_000);
  afterAll(() => app.close(), 120_000);

  it('holds the figures of the start of 1 August / 1 December in Copenhagen, however late it is made', async () => {
    // A seminar in September 2026: planned at the August cut-off, held at the December one.
    await createEvent(app.em(), {
      kind: EventKind.SEMINAR,
      startsAt: new Date('2026-09-15T15:00:00Z'),
      endsAt: new Date('2026-09-15T17:00:00Z'),
    });
    const admin = await app.em().findOneOrFail(User, { role: Role.ADMIN });
    const service = app.api.get(StatusReportsService);
    const orm = app.api.get(MikroORM);
    // Each call in a context of its own, as a request or a job has.
    const reports = {
      generateByAdmin: (...args: Parameters<StatusReportsService['generateByAdmin']>) =>
        RequestContext.create(orm.em, () => service.generateByAdmin(...args)),
      generate: (...args: Parameters<StatusReportsService['generate']>) => RequestContext.create(orm.em, () => service.generate(...args)),
    };
    // Made in December, as an admin asking for the August report late.
    const december = new Date('2026-12-04T10:00:00Z');
    const august = await reports.generateByAdmin(2026, ReportPeriod.AUGUST, admin, december);
    expect(august.generatedAt).toEqual(december);
    expect(august.snapshot.asOf).toBe(slotOpensAt(2026, ReportPeriod.AUGUST).toISOString());
    expect(august.snapshot.asOf).toBe('2026-07-31T22:00:00.000Z');
    expect(figure(august, 'seminars-held')).toEqual({ actual: 0, planned: 1 });

    const dec = await reports.generateByAdmin(2026, ReportPeriod.DECEMBER, admin, december);
    expect(dec.snapshot.asOf).toBe('2026-11-30T23:00:00.000Z');
    expect(figure(dec, 'seminars-held')).toEqual({ actual: 1, planned: 0 });

    // A late scheduled run (the worker's job) keeps the cut-off too; an ad hoc report is of its own moment.
    const { report: late } = await reports.generate(2025, ReportPeriod.AUGUST, { trigger: ReportTrigger.SCHEDULE, at: december });
    expect(late.snapshot.asOf).toBe(slotOpensAt(2025, ReportPeriod.AUGUST).toISOString());
    const adHoc = await reports.generateByAdmin(2026, ReportPeriod.AD_HOC, admin, december);
    expect(adHoc.snapshot.asOf).toBe(december.toISOString());
    expect(figure(adHoc, 'seminars-held')).toEqual({ actual: 1, planned: 0 });
  });
});

describe('a report missed while every worker was down', () => {
  let app: TestApp;
  let workers: INestApplicationContext[] = [];
  let queue: Queue;
  const now = new Date();
  const expected = [lastRun(ReportPeriod.AUGUST, now), lastRun(ReportPeriod.DECEMBER, now)].sort(
    (a, b) => a.run.getTime() - b.run.getTime(),
  );

  beforeAll(async () => {
    app = await startTestApp({ env: { REPORT_RECIPIENTS: 'tfi@test.mangfold.local' } });
    queue = new Queue(QueueName.Reports, { connection: redisOptionsFromUrl(app.config.redis.url), prefix: app.config.redis.prefix });
  }, 120_000);
  afterAll(async () => {
    await queue.close();
    await Promise.all(workers.map((w) => w.close()));
    await app.close();
  }, 120_000);

  const notified = async () =>
    (
      await app
        .em()
        .getConnection()
        .execute<{ id: string }[]>(`select payload->>'reportId' as id from outbox_message where payload->>'kind' = 'status-report'`)
    )
      .map((r) => r.id)
      .sort();

  it('is made once when the workers next start, however many start at once, with its cut-off figures', async () => {
    // The schedules were armed a week before the earlier of the last two slots; no worker ran since.
    const armedAt = new Date(expected[0].run.getTime() - 7 * 24 * 3600_000);
    expect(await app.api.get(StatusReportsService).schedulesArmedAt(armedAt)).toEqual(armedAt);

    workers = await Promise.all([createWorkerApp(app.config), createWorkerApp(app.config), createWorkerApp(app.config)]);
    await waitFor(async () => (await app.em().count(StatusReport, {})) === 2, 30_000, 'the missed reports');
    await waitFor(
      async () => (await queue.getCompletedCount()) >= 2 && (await queue.getActiveCount()) === 0 && (await queue.getWaitingCount()) === 0,
      30_000,
      'the catch-up jobs',
    );

    const reports = await app.em().find(StatusReport, {}, { orderBy: { generatedAt: 'asc' } });
    expect(reports.map((r) => [r.slot, r.trigger, r.snapshot.asOf]).sort()).toEqual(
      expected.map((s) => [`${s.year}-${s.period}`, ReportTrigger.SCHEDULE, slotOpensAt(s.year, s.period).toISOString()]).sort(),
    );
    expect(await notified()).toEqual(reports.map((r) => r.id).sort());

    // A worker started again finds nothing missed.
    await workers[0].close();
    workers[0] = await createWorkerApp(app.config);
    expect(await workers[0].get(StatusReportJobs).catchUp(new Date())).toEqual([]);
    expect(await app.em().count(StatusReport, {})).toBe(2);
  }, 120_000);

  it('asks the clock it is given: the next slot is missed only once its run has passed', async () => {
    const jobs = workers[0].get(StatusReportJobs);
    const next = ([ReportPeriod.AUGUST, ReportPeriod.DECEMBER] as const)
      .map((period) => lastRun(period, new Date(now.getTime() + 366 * 24 * 3600_000)))
      .sort((a, b) => a.run.getTime() - b.run.getTime())
      .find((s) => s.run > now)!;
    expect(await jobs.catchUp(new Date(next.run.getTime() - 1000))).toEqual([]);
    expect(await jobs.catchUp(next.run)).toEqual([{ year: next.year, period: next.period }]);
    await waitFor(async () => (await app.em().count(StatusReport, { slot: `${next.year}-${next.period}` })) === 1, 30_000, 'the report');
    // Asked again, by any worker: already made.
    expect(await jobs.catchUp(next.run)).toEqual([]);
  }, 120_000);
});
