import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { graphql, startTestApp, type TestApp } from '../test/utils';
import { ratioFigure, type Benchmark, type Figure } from './harness';
import { seedEvents, start, stop, type Child } from './feeds.bench';

/*
 * gql-list and gql-queries (BENCHMARKS.md). The api runs in a process of its own (as main.ts runs
 * it) and so does the baseline, a standalone @apollo/server with the api's own SDL answering a
 * captured response of the same query from memory; autocannon runs here, rounds alternate.
 * Statements are counted on an in-process api over the same database.
 */

const EVENTS = 2_000;
const CONNECTIONS = 20;
const ROUND_SECONDS = 5;
const ROUNDS = 4;

const LIST = `query List($first: Int) {
  events(first: $first) {
    edges {
      node {
        id slug kind status sequence title description startsAt endsAt timeZone allDay languages
        organizers { slug name kind }
        occasion { slug name }
        district { slug name }
        location { name address postalCode city latitude longitude }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

// Every relation of LIST, with fewer scalars: at first: 1000 the full LIST is over the cost limit (20,000).
const RELATIONS = `query Relations($first: Int) {
  events(first: $first) {
    edges { node { id slug organizers { slug } occasion { slug } district { slug } location { name } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

async function cannon(url: string, seconds: number): Promise<{ rps: number; errors: number }> {
  const result = await autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'content-type': 'application/json', 'accept-encoding': 'identity' },
    body: JSON.stringify({ query: LIST, variables: { first: 100 } }),
  });
  return { rps: result.requests.average, errors: result.errors + result.timeouts + result.non2xx };
}

async function gqlList(api: string, baseline: string): Promise<Figure> {
  await cannon(api, 2);
  await cannon(baseline, 2);
  const runs: { ours: number; baseline: number }[] = [];
  let errors = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const [first, second] = round % 2 === 0 ? [api, baseline] : [baseline, api];
    const a = await cannon(first, ROUND_SECONDS);
    const b = await cannon(second, ROUND_SECONDS);
    errors += a.errors + b.errors;
    runs.push(round % 2 === 0 ? { ours: a.rps, baseline: b.rps } : { ours: b.rps, baseline: a.rps });
  }
  const mean = (k: 'ours' | 'baseline') => runs.reduce((s, r) => s + r[k], 0) / runs.length;
  const figure = ratioFigure(
    'gql-list',
    mean('ours'),
    mean('baseline'),
    { atLeast: 0.4 },
    { unit: 'requests/s', runs, errors, connections: CONNECTIONS },
  );
  if (errors > 0) figure.pass = false;
  return figure;
}

async function gqlQueries(app: TestApp): Promise<Figure> {
  let statements = 0;
  // Every statement through the api's pool, the outbox relay's polling aside.
  app
    .em()
    .getConnection()
    .getKnex()
    .on('query', (q: { sql: string }) => {
      if (!q.sql.includes('outbox_message')) statements++;
    });
  const counts: Record<string, number> = {};
  for (const first of [10, 100, 1000]) {
    statements = 0;
    const res = await app.gql<{ events: { edges: unknown[] } }>(RELATIONS, { first });
    if (res.errors || res.data?.events.edges.length !== first) throw new Error(`events(first: ${first}): ${JSON.stringify(res.errors)}`);
    counts[`first${first}`] = statements;
  }
  const values = Object.values(counts);
  const same = values.every((v) => v === values[0]);
  return {
    name: 'gql-queries',
    value: Math.max(...values),
    unit: 'statements',
    goal: 'the same small count for every N',
    pass: same && values[0] <= 10,
    details: counts,
  };
}

export const benchmark: Benchmark = {
  group: 'gql',
  async run(): Promise<Figure[]> {
    const scratch = mkdtempSync(join(tmpdir(), 'mangfold-gql-bench-'));
    // The relay has nothing to move here; keep its polling out of the statement count.
    const app = await startTestApp({ env: { LOG_LEVEL: 'error', OUTBOX_RELAY_INTERVAL_MS: '60000', DATABASE_POOL_MAX: '10' } });
    let api: Child | undefined;
    let baseline: Child | undefined;
    try {
      await seedEvents(app.em(), 1, EVENTS);
      const figures = [await gqlQueries(app)];

      api = await start('api', JSON.stringify(app.config));
      const apiUrl = `http://127.0.0.1:${api.port}`;
      const captured = await graphql<{ events: unknown }>(apiUrl, LIST, { first: 100 });
      if (captured.errors || !captured.data) throw new Error(`events(first: 100): ${JSON.stringify(captured.errors)}`);
      const dataFile = join(scratch, 'events.json');
      writeFileSync(dataFile, JSON.stringify(captured.data));
      baseline = await start('apollo', join(__dirname, '..', 'apps', 'api', 'schema.gql'), dataFile);
      figures.push(await gqlList(apiUrl, `http://127.0.0.1:${baseline.port}`));
      return figures;
    } finally {
      // Let the requests autocannon left in flight finish before the api's pool closes under them.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      await stop(api);
      await stop(baseline);
      await app.close();
      rmSync(scratch, { recursive: true, force: true });
    }
  },
};
