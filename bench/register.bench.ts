import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { createTestDatabase, TEST_REDIS_URL, type TestDatabase } from '../test/utils';
import type { Benchmark, Figure } from './harness';

/*
 * register-contended (BENCHMARKS.md): 1,000 concurrent registerForEvent on one event with 100
 * seats, against the same 1,000 registrations spread over 1,000 events (no lock contention), in
 * the same run. The api runs as a process of its own (production mode, the default pool of 10
 * connections) so the load generator does not share its event loop. The machine is shared and its
 * load drifts, so the two cases run back to back in pairs (alternating which goes first) on fresh
 * events, and the figure is the median of the pairs' ratios; it counts only when every contended
 * round ends with exactly 100 CONFIRMED and 900 WAITLISTED and no request failed.
 */

const N = 1_000;
const SEATS = 100;
const PAIRS = 5;
const WARMUP = 300;

const REGISTER = `mutation($eventId: ID!, $input: AttendeeInput!) {
  registerForEvent(eventId: $eventId, input: $input) { id status waitlistPosition }
}`;

interface Round {
  rate: number;
  errors: number;
  confirmed: number;
  waitlisted: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startApi(db: TestDatabase): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, '../apps/api/src/main.ts')], {
    cwd: join(__dirname, '..'),
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: `{mbench-${randomBytes(4).toString('hex')}}`,
      JWT_SECRET: randomBytes(32).toString('hex'),
      PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
      MIGRATE_ON_START: 'false',
      LOG_LEVEL: 'warn',
      // Each simulated person sends its own X-Forwarded-For, so per-IP rate limits see 1,000 people, not one.
      TRUST_PROXY: 'true',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the api exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/health`)).ok) return { url, child };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the api did not start within 60 s');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** `count` published seminars with SEATS seats and registration, organised by one association. */
async function createEvents(pg: Client, count: number, label: string): Promise<string[]> {
  const { rows: assoc } = await pg.query<{ id: string }>(
    `insert into association (id, slug, name, kind, description, status)
     values (gen_random_uuid(), $1, $1, 'ASSOCIATION', '{}', 'APPROVED') returning id`,
    [`bench-${label}-${randomBytes(4).toString('hex')}`],
  );
  const { rows } = await pg.query<{ id: string }>(
    `insert into event (id, slug, kind, status, title, description, starts_at, ends_at, last_ends_at, time_zone, capacity,
                        registration_required, languages, audience, accessibility, price_info, recurrence_exceptions, published_at)
     select gen_random_uuid(), $1 || '-' || g, 'SEMINAR', 'PUBLISHED', '{"da":"Bench"}', '{}',
            now() + interval '30 days', now() + interval '30 days 2 hours', now() + interval '30 days 2 hours',
            'Europe/Copenhagen', $2, true, '[]', '{}', '{}', '{}', '[]', now()
       from generate_series(1, $3) g
     returning id`,
    [`bench-${label}-${randomBytes(4).toString('hex')}`, SEATS, count],
  );
  await pg.query(
    `insert into event_organizer (id, event_id, association_id, role, status)
     select gen_random_uuid(), id, $1, 'PRIMARY', 'ACCEPTED' from unnest($2::uuid[]) id`,
    [assoc[0].id, rows.map((r) => r.id)],
  );
  return rows.map((r) => r.id);
}

/** Fires every registration at once; the rate is completed registrations per second of wall time. */
async function fire(url: string, eventIds: string[], label: string): Promise<{ rate: number; errors: number }> {
  const run = randomBytes(3).toString('hex');
  const started = performance.now();
  const fail = (what: string): 1 => {
    if (failures.length < 10) failures.push(what);
    return 1;
  };
  const results = await Promise.all(
    eventIds.map(async (eventId, i) => {
      try {
        const res = await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.${(i >> 8) & 255}.${i & 255}` },
          body: JSON.stringify({
            query: REGISTER,
            variables: {
              eventId,
              input: { name: `Bench ${i}`, email: `${label}-${run}-${i}@bench.example`, partySize: 1, consentToPrivacyNotice: true },
            },
          }),
        });
        const body = (await res.json()) as { errors?: { message: string }[]; data?: { registerForEvent?: { status: string } } };
        if (res.ok && !body.errors?.length && body.data?.registerForEvent?.status) return 0;
        return fail(`HTTP ${res.status}: ${body.errors?.map((e) => e.message).join('; ') ?? 'no data'}`);
      } catch (error) {
        return fail((error as Error).message);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { rate: eventIds.length / seconds, errors: results.reduce<number>((a, b) => a + b, 0) };
}

async function statusCounts(pg: Client, eventIds: string[]): Promise<{ confirmed: number; waitlisted: number }> {
  const { rows } = await pg.query<{ confirmed: number; waitlisted: number }>(
    `select count(*) filter (where status = 'CONFIRMED')::int as confirmed, count(*) filter (where status = 'WAITLISTED')::int as waitlisted
       from registration where event_id = any($1::uuid[])`,
    [eventIds],
  );
  return rows[0];
}

/** The first few failures of the run, to say what went wrong when the error count is not 0. */
const failures: string[] = [];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export const benchmark: Benchmark = {
  group: 'register',
  async run(): Promise<Figure[]> {
    const db = await createTestDatabase();
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    let api: { url: string; child: ChildProcess } | undefined;
    try {
      api = await startApi(db);
      // Warm-up: JIT, connection pool, prepared paths; both shapes of load.
      await fire(api.url, await createEvents(pg, WARMUP, 'warm-spread'), 'warm');
      const warmOne = (await createEvents(pg, 1, 'warm-one'))[0];
      await fire(api.url, Array<string>(WARMUP).fill(warmOne), 'warm1');

      const contended: Round[] = [];
      const spread: Round[] = [];
      for (let pair = 0; pair < PAIRS; pair++) {
        const one = (await createEvents(pg, 1, `one-${pair}`))[0];
        const many = await createEvents(pg, N, `many-${pair}`);
        const order = pair % 2 === 0 ? (['one', 'many'] as const) : (['many', 'one'] as const);
        for (const which of order) {
          if (which === 'one') {
            const result = await fire(api.url, Array<string>(N).fill(one), `one${pair}`);
            contended.push({ ...result, ...(await statusCounts(pg, [one])) });
          } else {
            const result = await fire(api.url, many, `many${pair}`);
            spread.push({ ...result, ...(await statusCounts(pg, many)) });
          }
        }
      }

      const value = median(contended.map((r, i) => r.rate / spread[i].rate));
      const errors = [...contended, ...spread].reduce((sum, r) => sum + r.errors, 0);
      const exact = contended.every((r) => r.confirmed === SEATS && r.waitlisted === N - SEATS) && spread.every((r) => r.confirmed === N);
      return [
        {
          name: 'register-contended',
          value: Number(value.toFixed(3)),
          unit: 'ratio',
          goal: `≥ 0.5, exactly ${SEATS} CONFIRMED and ${N - SEATS} WAITLISTED, 0 errors`,
          pass: value >= 0.5 && exact && errors === 0,
          details: {
            contendedPerSecond: Math.round(median(contended.map((r) => r.rate))),
            uncontendedPerSecond: Math.round(median(spread.map((r) => r.rate))),
            pairRatios: contended.map((r, i) => Number((r.rate / spread[i].rate).toFixed(2))),
            errors,
            failures,
            rounds: {
              contended: contended.map((r) => ({ ...r, rate: Math.round(r.rate) })),
              uncontended: spread.map((r) => ({ ...r, rate: Math.round(r.rate) })),
            },
          },
        },
      ];
    } finally {
      api?.child.kill('SIGTERM');
      await pg.end();
      if (api) await new Promise((r) => api!.child.once('exit', r));
      await db.drop();
    }
  },
};
