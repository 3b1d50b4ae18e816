import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { AppConfig } from '@mangfold/config';
import { graphql, startTestApp, type TestApp } from '../test/utils';
import { startEmbedded } from './embedded';
import type { Benchmark, Figure } from './harness';
import { seedEvents } from './feeds.bench';
import { sideBySide, start, stop, type Child, type Load } from './servers';

/*
 * gql-list and gql-queries (BENCHMARKS.md). The api runs in a process of its own (as main.ts runs
 * it) and so does the baseline, a standalone @apollo/server with the api's own SDL answering a
 * captured response of the same query from memory; autocannon runs here, rounds alternate.
 * Statements are counted on an in-process api over the same database.
 */

const EVENTS = 2_000;
const CONNECTIONS = 20;
const ROUND_SECONDS = 5;

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

/** autocannon posting LIST with `first: 100`. */
const listLoad: Load = async (url, seconds) => {
  const result = await autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'content-type': 'application/json', 'accept-encoding': 'identity' },
    body: JSON.stringify({ query: LIST, variables: { first: 100 } }),
  });
  return { rps: result.requests.average, errors: result.errors + result.timeouts + result.non2xx };
};

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

/** gql-list for the api on `config` against a standalone Apollo answering the api's own response. */
async function listFigure(name: string, config: AppConfig, atLeast: number, scratch: string): Promise<Figure> {
  let api: Child | undefined;
  let baseline: Child | undefined;
  try {
    api = await start('api', JSON.stringify(config));
    const apiUrl = `http://127.0.0.1:${api.port}`;
    const captured = await graphql<{ events: unknown }>(apiUrl, LIST, { first: 100 });
    if (captured.errors || !captured.data) throw new Error(`events(first: 100): ${JSON.stringify(captured.errors)}`);
    const dataFile = join(scratch, `${name}.json`);
    writeFileSync(dataFile, JSON.stringify(captured.data));
    baseline = await start('apollo', join(__dirname, '..', 'apps', 'api', 'schema.gql'), dataFile);
    const urls = { ours: apiUrl, baseline: `http://127.0.0.1:${baseline.port}` };
    return await sideBySide(name, urls, atLeast, ROUND_SECONDS, listLoad, {
      unit: 'requests/s',
      connections: CONNECTIONS,
      poolMax: config.db.poolMax,
    });
  } finally {
    // Let the requests autocannon left in flight finish before the api's pool closes under them.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await stop(api);
    await stop(baseline);
  }
}

export const benchmark: Benchmark = {
  group: 'gql',
  async run(): Promise<Figure[]> {
    const scratch = mkdtempSync(join(tmpdir(), 'mangfold-gql-bench-'));
    const figures: Figure[] = [];
    // The relay has nothing to move here; keep its polling out of the statement count.
    const app = await startTestApp({ env: { LOG_LEVEL: 'error', OUTBOX_RELAY_INTERVAL_MS: '60000', DATABASE_POOL_MAX: '10' } });
    try {
      await seedEvents(app.em(), 1, EVENTS);
      figures.push(await gqlQueries(app));
      figures.push(await listFigure('gql-list', app.config, 0.4, scratch));
    } finally {
      await app.close();
    }
    // The embedded default of `npm start`: PGlite, one connection.
    const embedded = await startEmbedded((em) => seedEvents(em, 1, EVENTS));
    try {
      figures.push(await listFigure('gql-list-embedded', embedded.config, 0.15, scratch));
    } finally {
      await embedded.close();
      rmSync(scratch, { recursive: true, force: true });
    }
    return figures;
  },
};
