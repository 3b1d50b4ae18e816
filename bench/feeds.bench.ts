import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import autocannon from 'autocannon';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { ICalCalendar } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { ConfigModule, type AppConfig } from '@mangfold/config';
import { DbModule } from '@mangfold/db';
import { Event } from '@mangfold/calendar';
import { JobName, JobsModule, enqueue } from '@mangfold/jobs';
import { ALL_FEED, FeedFiles, FeedSnapshots, etagOf, feedViewOf, kindSlug, toICalEvent, type FeedEventData } from '@mangfold/feeds';
import { SCHEMA } from '@mangfold/prisma-free-db';
import { cleanRedisPrefix, createTestDatabase, testConfig, type TestDatabase } from '../test/utils';
import { ratioFigure, type Benchmark, type Figure } from './harness';
import { sideBySide, start, stop, type Child, type Load } from './servers';

/*
 * feeds: feed-serve, feed-304, feed-fresh, feed-render and memory from BENCHMARKS.md.
 * The api, the worker and the bare node:http baseline each run in a process of their own;
 * autocannon and the measurements run here. Data: a scratch database from the test template.
 */

const SERVE_EVENTS = 5_000;
const TOTAL_EVENTS = 10_000;
const EDITS = 50;
const CONNECTIONS = 50;
const ZONE = 'Europe/Copenhagen';

/**
 * Inserts published events with organisers, districts and occasions, numbered from `from`. One
 * transaction without the api's statement timeout: the KPI counters' triggers run inside the insert,
 * and on a loaded machine thousands of rows take longer than a request may.
 */
export async function seedEvents(em: EntityManager, from: number, count: number): Promise<void> {
  await em.transactional((tem) => insertEvents(tem, from, count));
}

async function insertEvents(em: EntityManager, from: number, count: number): Promise<void> {
  await em.execute('set local statement_timeout = 0');
  await em.execute(
    `insert into association (id, slug, name, kind, status, description)
     select gen_random_uuid(), 'bench-forening-' || i, 'Bench Forening ' || i || ' – Nørrebro', 'ASSOCIATION', 'APPROVED', '{}'
       from generate_series(1, 100) i on conflict (slug) do nothing`,
  );
  await em.execute(
    `with d as (select id, row_number() over (order by slug) - 1 as n from district),
          o as (select id, row_number() over (order by slug) - 1 as n from occasion),
          a as (select id, row_number() over (order by slug) - 1 as n from association where slug like 'bench-forening-%'),
          e as (
            insert into event (id, slug, kind, status, title, description, starts_at, ends_at, last_ends_at, time_zone,
                               recurrence_exceptions, languages, audience, accessibility, price_info, district_id, occasion_id,
                               location_name, location_address, location_postal_code, location_city, location_latitude, location_longitude,
                               sequence, submitted_at, published_at)
            select gen_random_uuid(), 'bench-event-' || i,
                   (array['CULTURAL_EVENT','SEMINAR','NETWORK_MEETING','INTERNATIONAL_DAY'])[1 + i % 4]::event_kind, 'PUBLISHED',
                   jsonb_build_object('da', 'Kulturaften nr. ' || i || ': mad, musik og fællesskab', 'en', 'Culture night no. ' || i || ': food, music, community'),
                   jsonb_build_object('da', repeat('Kom og vær med til en aften med mad, musik og samtaler på tværs af kulturer. ', 3),
                                      'en', repeat('Join us for an evening of food, music and conversation across cultures. ', 3)),
                   date_trunc('day', now()) + (i % 400 - 20) * interval '1 day' + interval '16 hours',
                   date_trunc('day', now()) + (i % 400 - 20) * interval '1 day' + interval '19 hours',
                   date_trunc('day', now()) + (i % 400 - 20) * interval '1 day' + interval '19 hours',
                   'Europe/Copenhagen', '[]', '["da"]', '{}', '{}', '{}',
                   (select id from d where n = i % 10), case when i % 3 = 0 then (select id from o where n = i % 15) end,
                   'Kulturhuset', 'Nørrebrogade ' || (i % 200), '2200', 'København N', 55.69 + (i % 100) / 10000.0, 12.55,
                   0, now(), now()
              from generate_series(?::int, ?::int) i
            returning id, slug)
     insert into event_organizer (id, event_id, association_id, role, status, responded_at)
     select gen_random_uuid(), e.id, (select id from a where n = substring(e.slug from 13)::int % 100), 'PRIMARY', 'ACCEPTED', now() from e`,
    [from, from + count - 1],
  );
}

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Waits until every event has both fragments and no feed is waiting for a render. */
async function settled(em: EntityManager, events: number): Promise<void> {
  await waitUntil('feeds to be published', async () => {
    const [row]: { fragments: number; pending: number }[] = await em.execute(
      `select (select count(*)::int from event_feed_fragment) as fragments,
              (select count(*)::int from feed_state where wanted_version > rendered_version) as pending`,
    );
    return row.fragments >= events * 2 && row.pending === 0;
  });
}

/** autocannon at a feed URL; 304s count as answered. */
function feedLoad(headers: Record<string, string> = {}): Load {
  return async (url, seconds) => {
    const result = await autocannon({
      url,
      connections: CONNECTIONS,
      duration: seconds,
      headers: { 'accept-encoding': 'identity', ...headers },
    });
    return { rps: result.requests.average, errors: result.errors + result.timeouts + result['4xx'] + result['5xx'] };
  };
}

function rssOfMetrics(text: string): number {
  const match = /^process_resident_memory_bytes\{[^}]*\} (\d+)/m.exec(text);
  if (!match) throw new Error('no process_resident_memory_bytes in /metrics');
  return Number(match[1]);
}

/** A module like the api's write side: the ORM and the outbox relay, so edits here publish as a mutation would. */
@Module({})
class EditorModule {}

async function editorContext(config: AppConfig): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(
    {
      module: EditorModule,
      imports: [ConfigModule.forRoot(config), DbModule.forRoot(SCHEMA, { registerRequestContext: false }), JobsModule.forRoot()],
    },
    { logger: ['error'] },
  );
  await app.init();
  return app;
}

async function feedFresh(editor: INestApplicationContext, apiUrl: string): Promise<Figure> {
  const em = editor.get<MikroORM>(MikroORM).em.fork();
  const picks: { id: string; slug: string; kind: string; district: string; occasion: string; association: string }[] = await em.execute(
    `select e.id, e.slug, e.kind, d.slug as district, o.slug as occasion, a.slug as association
       from event e join district d on d.id = e.district_id join occasion o on o.id = e.occasion_id
       join event_organizer eo on eo.event_id = e.id join association a on a.id = eo.association_id
      where e.slug like 'bench-event-%' and e.ends_at > now() order by md5(e.id::text) limit ${EDITS}`,
  );
  const latencies: number[] = [];
  const allFeed: number[] = [];
  const etags = new Map<string, string>();
  for (const pick of picks) {
    const paths = [
      '/calendar.ics',
      `/calendar/districts/${pick.district}.ics`,
      `/calendar/associations/${pick.association}.ics`,
      `/calendar/occasions/${pick.occasion}.ics`,
      `/calendar/kinds/${kindSlug(pick.kind as never)}.ics`,
      `/calendar/events/${pick.slug}.ics`,
    ].flatMap((p) => [p, `${p}?lang=en`]);
    // Subscribed feeds: the event's own feed exists because someone asked for it.
    for (const path of paths) await fetch(`${apiUrl}${path}`, { headers: { 'accept-encoding': 'identity' } }).then((r) => r.arrayBuffer());
    const uid = `UID:${pick.id}@mangfold.test\r\nSEQUENCE:`;
    const started = performance.now();
    let sequence = 0;
    await em.fork().transactional(async (tem) => {
      const event = await tem.findOneOrFail(Event, pick.id);
      event.title = { da: `${event.title.da ?? ''} (ændret)`, en: `${event.title.en ?? ''} (changed)` };
      event.sequence += 1;
      sequence = event.sequence;
      enqueue(tem, JobName.EventChanged, { eventId: event.id });
    });
    const want = `${uid}${sequence}\r\n`;
    const pending = new Set(paths);
    while (pending.size > 0) {
      await Promise.all(
        [...pending].map(async (path) => {
          const headers: Record<string, string> = { 'accept-encoding': 'identity' };
          const etag = etags.get(path);
          if (etag) headers['if-none-match'] = etag;
          const res = await fetch(`${apiUrl}${path}`, { headers });
          if (res.status === 304) return;
          const body = await res.text();
          etags.set(path, res.headers.get('etag') ?? '');
          if (body.includes(want)) {
            pending.delete(path);
            if (path === '/calendar.ics') allFeed.push(performance.now() - started);
          }
        }),
      );
      if (pending.size > 0) await new Promise((r) => setTimeout(r, 20));
      if (performance.now() - started > 30_000)
        throw new Error(`edit of ${pick.slug} not published within 30 s: ${[...pending].join(', ')}`);
    }
    latencies.push(performance.now() - started);
  }
  const quantile = (xs: number[], q: number) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  };
  const sorted = [...latencies].sort((a, b) => a - b);
  const p = (q: number) => quantile(latencies, q);
  const p99 = p(0.99);
  return {
    name: 'feed-fresh',
    value: Number((p99 / 1000).toFixed(3)),
    unit: 's (p99)',
    goal: '≤ 2',
    pass: p99 <= 2000,
    details: {
      edits: latencies.length,
      feedsPerEdit: 12,
      p50Ms: Math.round(p(0.5)),
      p90Ms: Math.round(p(0.9)),
      maxMs: Math.round(sorted.at(-1)!),
      allFeedDaP50Ms: Math.round(quantile(allFeed, 0.5)),
      loadAverage: loadavg().map((l) => Number(l.toFixed(1))),
    },
  };
}

async function feedRender(editor: INestApplicationContext, config: AppConfig): Promise<Figure[]> {
  const orm = editor.get<MikroORM>(MikroORM);
  // Announcing is not part of rendering; nothing here publishes.
  const snapshots = new FeedSnapshots(orm, config, undefined as never, new FeedFiles({ ...config, feeds: { dir: undefined } }));
  setFlagsFromString('--expose_gc');
  const gc = runInNewContext('gc') as () => void;
  const subject = { id: null, name: {} };

  const ours: number[] = [];
  let peakGrowth = 0;
  let size = 0;
  for (let run = 0; run < 4; run++) {
    gc();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 1);
    const started = performance.now();
    const rendered = await snapshots.render(orm.em.fork(), ALL_FEED, 'da', subject);
    etagOf(rendered.body);
    const bytes = Buffer.from(rendered.body, 'utf8');
    const elapsed = performance.now() - started;
    peak = Math.max(peak, process.memoryUsage().rss);
    clearInterval(sampler);
    size = bytes.length;
    if (rendered.eventCount < TOTAL_EVENTS * 0.9) throw new Error(`the feed holds only ${rendered.eventCount} events`);
    if (run > 0) {
      ours.push(elapsed);
      peakGrowth = Math.max(peakGrowth, peak - before);
    }
  }

  // The baseline: the same events as plain objects in memory, one ical-generator calendar, toString().
  const em = orm.em.fork();
  const events = await em.find(
    Event,
    { slug: { $like: 'bench-event-%' } },
    { populate: ['district', 'occasion', 'organisers.association'] },
  );
  const now = new Date();
  const data = events.map((e) => feedViewOf(e, now)).filter((v): v is { data: FeedEventData; expiresAt: Date | null } => v !== null);
  em.clear();
  const baseline: number[] = [];
  for (let run = 0; run < 1; run++) {
    const calendar = new ICalCalendar({
      name: 'Københavns Mangfoldighedskalender',
      timezone: { name: ZONE, generator: getVtimezoneComponent },
      ttl: 3600,
    });
    for (const v of data) calendar.createEvent(toICalEvent(v.data, 'da', { baseUrl: config.http.publicBaseUrl, modifiedAt: now }).data);
    gc();
    const started = performance.now();
    calendar.toString();
    baseline.push(performance.now() - started);
  }
  const best = (xs: number[]) => Math.min(...xs);
  return [
    ratioFigure(
      'feed-render',
      best(ours),
      best(baseline),
      { atMost: 0.1 },
      { oursMs: ours.map(Math.round), baselineMs: baseline.map(Math.round), events: data.length, feedBytes: size },
    ),
    {
      name: 'memory-render',
      value: Number((peakGrowth / size).toFixed(2)),
      unit: '× feed size',
      goal: '≤ 4',
      pass: peakGrowth <= 4 * size,
      details: { peakGrowthMB: Math.round(peakGrowth / 2 ** 20), feedMB: Number((size / 2 ** 20).toFixed(1)) },
    },
  ];
}

export const benchmark: Benchmark = {
  group: 'feeds',
  async run(): Promise<Figure[]> {
    const figures: Figure[] = [];
    let db: TestDatabase | undefined;
    let config: AppConfig | undefined;
    let editor: INestApplicationContext | undefined;
    let api: Child | undefined;
    let worker: Child | undefined;
    let bare: Child | undefined;
    const scratch = mkdtempSync(join(tmpdir(), 'mangfold-feeds-bench-'));
    try {
      db = await createTestDatabase();
      // Production's relay interval: freshness must not lean on a fast poll.
      config = testConfig(db.url, { LOG_LEVEL: 'error', OUTBOX_RELAY_INTERVAL_MS: '1000', DATABASE_POOL_MAX: '10' });
      const configJson = JSON.stringify(config);
      editor = await editorContext(config);
      const em = editor.get<MikroORM>(MikroORM).em.fork();

      await seedEvents(em, 1, SERVE_EVENTS);
      worker = await start('worker', configJson);
      await settled(em, SERVE_EVENTS);

      api = await start('api', configJson);
      const apiUrl = `http://127.0.0.1:${api.port}`;
      await new Promise((r) => setTimeout(r, 2_000));
      const idleRss = rssOfMetrics(await (await fetch(`${apiUrl}/metrics`)).text());
      figures.push({
        name: 'memory-idle',
        value: Math.round(idleRss / 2 ** 20),
        unit: 'MB',
        goal: '≤ 250',
        pass: idleRss <= 250 * 2 ** 20,
        details: { what: 'api RSS after start, before serving' },
      });

      // The baseline answers with exactly the bytes and headers the api sends.
      const first = await fetch(`${apiUrl}/calendar.ics`, { headers: { 'accept-encoding': 'identity' } });
      const body = Buffer.from(await first.arrayBuffer());
      const headers = Object.fromEntries(first.headers.entries());
      delete headers.date;
      delete headers.connection;
      delete headers['keep-alive'];
      const notModifiedHeaders = Object.fromEntries(
        ['etag', 'last-modified', 'cache-control', 'access-control-allow-origin', 'access-control-expose-headers', 'vary'].map((h) => [
          h,
          headers[h],
        ]),
      );
      const bodyFile = join(scratch, 'calendar.ics');
      writeFileSync(bodyFile, body);
      writeFileSync(`${bodyFile}.json`, JSON.stringify({ headers, notModifiedHeaders }));
      bare = await start('bare', bodyFile);
      const bareUrl = `http://127.0.0.1:${bare.port}/calendar.ics`;
      const events = (body.toString('utf8').match(/^BEGIN:VEVENT\r$/gm) ?? []).length;
      if (events !== SERVE_EVENTS) throw new Error(`/calendar.ics holds ${events} events, expected ${SERVE_EVENTS}`);

      const urls = { ours: `${apiUrl}/calendar.ics`, baseline: bareUrl };
      const serve = await sideBySide('feed-serve', urls, 0.85, 3, feedLoad(), { connections: CONNECTIONS });
      serve.details = { ...serve.details, events, feedBytes: body.length };
      figures.push(serve);
      figures.push(await sideBySide('feed-304', urls, 0.9, 3, feedLoad({ 'if-none-match': headers.etag }), { connections: CONNECTIONS }));
      await stop(bare);
      bare = undefined;

      // Up to 10,000 events; a new worker renders the new events' fragments when it starts.
      await seedEvents(em, SERVE_EVENTS + 1, TOTAL_EVENTS - SERVE_EVENTS);
      await stop(worker);
      worker = await start('worker', configJson);
      await settled(em, TOTAL_EVENTS);

      figures.push(...(await feedRender(editor, config)));
      figures.push(await feedFresh(editor, apiUrl));
      return figures;
    } finally {
      await stop(bare);
      await stop(api);
      await stop(worker);
      await editor?.close();
      if (config) await cleanRedisPrefix(config);
      await db?.drop();
      rmSync(scratch, { recursive: true, force: true });
    }
  },
};
