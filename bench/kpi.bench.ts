import { Client } from 'pg';
import { KpiService } from '@mangfold/kpi';
import { startTestApp, type TestApp } from '../test/utils';
import { adminToken } from '../test/kpi/kpi-data';
import { ratioFigure, type Benchmark, type Figure } from './harness';

/*
 * kpi (BENCHMARKS.md): `kpis(year)` over 100,000 events and 5,000 associations, against one
 * `SELECT count(*)` over the events table, both timed side by side in this run (medians).
 * The data spans ten years (10,000 events a year, as a long-lived city calendar would have),
 * with organisers, co-organisers, registrations, feedback and International Day participations,
 * generated in SQL. The GraphQL request is timed end to end (HTTP, auth, targets, aggregates).
 */

const EVENTS = 100_000;
const ASSOCIATIONS = 5_000;
const YEARS = 10;
const RUNS = 40;

async function seed(client: Client, lastYear: number): Promise<void> {
  const firstYear = lastYear - YEARS + 1;
  await client.query(`
    insert into association (id, slug, name, kind, description, status, district_id)
    select gen_random_uuid(), 'bench-association-' || i, 'Bench association ' || i,
      (array['ASSOCIATION','PROJECT','VOLUNTARY_ORGANISATION','EMBASSY','MUNICIPAL_UNIT','OTHER'])[1 + i % 6]::association_kind,
      '{}', (case when i % 10 = 0 then 'PENDING' else 'APPROVED' end)::association_status,
      (select id from district order by sort_order offset i % 10 limit 1)
    from generate_series(1, ${ASSOCIATIONS}) i`);
  await client.query(`create temp table bench_assoc as select row_number() over (order by slug) as n, id from association`);
  await client.query(`create temp table bench_occasion as select row_number() over (order by slug) as n, id from occasion`);
  await client.query(`create temp table bench_district as select row_number() over (order by slug) as n, id from district`);
  // Events spread evenly over ten years (in Copenhagen), 70 % cultural, mostly published.
  await client.query(`
    insert into event (id, slug, kind, status, title, description, starts_at, ends_at, recurrence_exceptions, languages,
      audience, accessibility, price_info, occasion_id, district_id, cancelled_at, published_at)
    select gen_random_uuid(), 'bench-event-' || i,
      (case when i % 10 < 7 then 'CULTURAL_EVENT' when i % 10 = 7 then 'SEMINAR' when i % 10 = 8 then 'NETWORK_MEETING'
        when i % 1000 = 9 then 'INTERNATIONAL_DAY' else 'CULTURAL_EVENT' end)::event_kind,
      (case when i % 20 = 0 then 'CANCELLED' when i % 20 = 1 then 'DRAFT' when i % 20 = 2 then 'SUBMITTED' else 'PUBLISHED' end)::event_status,
      jsonb_build_object('da', 'Begivenhed ' || i, 'en', 'Event ' || i), '{}',
      s.at, s.at + interval '3 hours', '[]', '["da"]', '{}', '{}', '{}',
      case when i % 10 < 5 then (select id from bench_occasion where n = 1 + i % (select count(*) from bench_occasion)) end,
      (select id from bench_district where n = 1 + i % 10),
      case when i % 20 = 0 then s.at end,
      case when i % 20 >= 3 or i % 20 = 0 then s.at - interval '30 days' end
    from generate_series(1, ${EVENTS}) i
    cross join lateral (
      select make_timestamptz(${firstYear}, 1, 1, 10, 0, 0, 'Europe/Copenhagen')
        + ((i - 1) * (make_date(${lastYear + 1}, 1, 1) - make_date(${firstYear}, 1, 1)) / ${EVENTS}.0) * interval '1 day' as at
    ) s`);
  await client.query(`update event set last_ends_at = ends_at`);
  await client.query(`create temp table bench_event as select row_number() over (order by slug) as n, id, kind, starts_at from event`);
  // A primary organiser per event, and for 40 % a co-organiser (three in four accepted).
  await client.query(`
    insert into event_organizer (id, event_id, association_id, role, status)
    select gen_random_uuid(), e.id, a.id, 'PRIMARY', 'ACCEPTED'
    from bench_event e join bench_assoc a on a.n = 1 + (e.n * 7) % ${ASSOCIATIONS}`);
  await client.query(`
    insert into event_organizer (id, event_id, association_id, role, status)
    select gen_random_uuid(), e.id, a.id, 'CO_ORGANIZER', (case when e.n % 4 = 0 then 'INVITED' else 'ACCEPTED' end)::organizer_status
    from bench_event e join bench_assoc a on a.n = 1 + (e.n * 7 + 13) % ${ASSOCIATIONS}
    where e.n % 5 < 2`);
  // Seminars and network meetings: 12 registrations each, 9 checked in, 6 answers.
  await client.query(`
    insert into registration (id, event_id, status, party_size, email, consent_version, consented_at, checked_in_at)
    select gen_random_uuid(), e.id, (case when r = 12 then 'WAITLISTED' else 'CONFIRMED' end)::registration_status, 1,
      'bench-' || e.n || '-' || r || '@bench.local', 'bench', e.starts_at - interval '7 days',
      case when r <= 9 then e.starts_at end
    from bench_event e cross join generate_series(1, 12) r
    where e.kind in ('SEMINAR', 'NETWORK_MEETING')`);
  await client.query(`
    insert into feedback (id, registration_id, event_id, satisfied, score)
    select gen_random_uuid(), r.id, r.event_id, r.email not like '%-1@bench.local' and r.email not like '%-2@bench.local', 4
    from registration r
    where r.checked_in_at is not null and split_part(split_part(r.email, '-', 3), '@', 1)::int <= 6`);
  // One International Day a year with 60 participations.
  await client.query(`
    insert into international_day (id, year, event_id, stand_capacity, registration_opens_at, registration_closes_at, practical_info)
    select gen_random_uuid(), y, (select id from event where kind = 'INTERNATIONAL_DAY' and status = 'PUBLISHED'
      and starts_at >= make_timestamptz(y, 1, 1, 0, 0, 0, 'Europe/Copenhagen') order by starts_at limit 1), 80, now(), now(), '{}'
    from generate_series(${firstYear}, ${lastYear}) y`);
  await client.query(`delete from international_day where event_id is null`);
  await client.query(`
    insert into participation (id, international_day_id, association_id, participant_kind, status, activities, needs_stand, representatives)
    select gen_random_uuid(), d.id, a.id, 'ASSOCIATION', (case when p % 5 = 0 then 'PENDING' else 'CONFIRMED' end)::participation_status,
      '{STAND}', true, 2
    from international_day d cross join generate_series(1, 60) p join bench_assoc a on a.n = p * 11`);
  await client.query('vacuum analyze');
}

async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 5; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

async function postKpis(app: TestApp, token: string, year: number, selection: string): Promise<void> {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: `query($year: Int!) { kpis(year: $year) { ${selection} } }`, variables: { year } }),
  });
  const body = (await res.json()) as { errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
}

export const benchmark: Benchmark = {
  group: 'kpi',
  async run(): Promise<Figure[]> {
    const app = await startTestApp({ env: { LOG_LEVEL: 'warn', DATABASE_POOL_MAX: '4' } });
    const client = new Client({ connectionString: app.db.url });
    await client.connect();
    try {
      const year = new Date().getFullYear();
      const seedStarted = Date.now();
      await seed(client, year);
      const seeded = Date.now() - seedStarted;
      const token = await adminToken(app);
      const counts = (
        await client.query<{ events: number; year_events: number; associations: number; registrations: number; feedback: number }>(
          `select (select count(*)::int from event) as events,
             (select count(*)::int from event where starts_at >= make_timestamptz($1, 1, 1, 0, 0, 0, 'Europe/Copenhagen')
               and starts_at < make_timestamptz($1 + 1, 1, 1, 0, 0, 0, 'Europe/Copenhagen')) as year_events,
             (select count(*)::int from association) as associations,
             (select count(*)::int from registration) as registrations,
             (select count(*)::int from feedback) as feedback`,
          [year],
        )
      ).rows[0];

      const figures = 'key target actual planned answers status';
      const baseline = await median(RUNS, () => client.query('select count(*) from event'));
      const ours = await median(RUNS, () => postKpis(app, token, year, figures));
      const service = app.api.get(KpiService);
      const serviceOnly = await median(RUNS, () => service.kpis(year));
      const withLists = await median(10, () =>
        postKpis(app, token, year, `${figures} contributors { id state } breakdown(by: DISTRICT) { key actual planned }`),
      );
      return [
        ratioFigure(
          'kpi',
          ours,
          baseline,
          { atMost: 5 },
          {
            unit: 'ms (median)',
            runs: RUNS,
            serviceOnlyMs: serviceOnly,
            withContributorsAndDistrictBreakdownMs: withLists,
            seedSeconds: Math.round(seeded / 1000),
            ...counts,
          },
        ),
      ];
    } finally {
      await client.end();
      await app.close();
    }
  },
};
