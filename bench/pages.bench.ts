import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sitePaths, type AppConfig } from '@mangfold/config';
import { startTestApp } from '../test/utils';
import type { Benchmark, Figure } from './harness';
import { startEmbedded } from './embedded';
import { seedEvents } from './feeds.bench';
import { sideBySide, start, stop, type Child, type Load } from './servers';

/*
 * page-event, page-list and page-weight (BENCHMARKS.md). The api runs in a process of its own and
 * so does the baseline, a bare node:http server answering the bytes and headers the api sent for
 * the same page; autocannon runs here, rounds alternate.
 */

const EVENTS = 5_000;
const CONNECTIONS = 20;
const ROUND_SECONDS = 5;
const MAX_PAGE_BYTES = 60 * 1024;

const pageLoad: Load = async (url, seconds) => {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers: { 'accept-encoding': 'identity' } });
  return { rps: result.requests.average, errors: result.errors + result.timeouts + result.non2xx };
};

/** A bare server answering exactly what the api answered for `path`. */
async function bareTwin(apiUrl: string, path: string, scratch: string): Promise<{ child: Child; body: Buffer }> {
  const res = await fetch(`${apiUrl}${path}`, { headers: { 'accept-encoding': 'identity' } });
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
  const body = Buffer.from(await res.arrayBuffer());
  const headers = Object.fromEntries(res.headers.entries());
  delete headers.date;
  delete headers.connection;
  delete headers['keep-alive'];
  const file = join(scratch, `${path.replace(/\W+/g, '-')}.html`);
  writeFileSync(file, body);
  writeFileSync(`${file}.json`, JSON.stringify({ headers, notModifiedHeaders: { etag: headers.etag ?? '' } }));
  return { child: await start('bare', file), body };
}

async function pageWeight(apiUrl: string, html: Buffer): Promise<Figure> {
  const text = html.toString('utf8');
  const css = [...text.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);
  let cssBytes = 0;
  for (const href of css)
    cssBytes += (await (await fetch(`${apiUrl}${href}`, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer()).byteLength;
  // Scripts the page runs: every <script> but JSON-LD data.
  const scripts = [...text.matchAll(/<script\b([^>]*)>/g)].filter((m) => !/type="application\/ld\+json"/.test(m[1])).length;
  const bytes = html.length + cssBytes;
  return {
    name: 'page-weight',
    value: Math.round(bytes / 102.4) / 10,
    unit: 'KB',
    goal: '≤ 60 KB uncompressed; 0 bytes of JS needed',
    pass: bytes <= MAX_PAGE_BYTES && scripts === 0,
    details: { htmlBytes: html.length, cssBytes, scripts },
  };
}

const SLUG = 'bench-event-99';

/** 5,000 events, and one (i = 99: an occasion, 79 days ahead) with organisers, an occasion and seats. */
async function seed(em: EntityManager): Promise<void> {
  await seedEvents(em, 1, EVENTS);
  await em.execute(`update event set capacity = 50, seats_taken = 12, registration_required = true where slug = ?`, [SLUG]);
  await em.execute(
    `insert into event_organizer (id, event_id, association_id, role, status, responded_at)
     select gen_random_uuid(), e.id, a.id, 'CO_ORGANIZER', 'ACCEPTED', now()
       from event e, association a where e.slug = ? and a.slug = 'bench-forening-1'
     on conflict do nothing`,
    [SLUG],
  );
}

type Row = readonly [name: string, path: string, atLeast: number];

/** Each row's page on the api on `config` against a bare twin answering the same bytes. */
async function pageFigures(config: AppConfig, rows: readonly Row[], scratch: string): Promise<Figure[]> {
  const children: (Child | undefined)[] = [];
  try {
    const api = await start('api', JSON.stringify(config));
    children.push(api);
    const apiUrl = `http://127.0.0.1:${api.port}`;
    const figures: Figure[] = [];
    for (const [name, path, atLeast] of rows) {
      const twin = await bareTwin(apiUrl, path, scratch);
      children.push(twin.child);
      if (name === 'page-list') figures.push(await pageWeight(apiUrl, twin.body));
      const urls = { ours: `${apiUrl}${path}`, baseline: `http://127.0.0.1:${twin.child.port}${path}` };
      const details = { unit: 'requests/s', connections: CONNECTIONS, bytes: twin.body.length, poolMax: config.db.poolMax };
      figures.push(await sideBySide(name, urls, atLeast, ROUND_SECONDS, pageLoad, details));
      await stop(twin.child);
    }
    return figures;
  } finally {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    for (const child of children) await stop(child);
  }
}

export const benchmark: Benchmark = {
  group: 'pages',
  async run(): Promise<Figure[]> {
    const scratch = mkdtempSync(join(tmpdir(), 'mangfold-pages-bench-'));
    const figures: Figure[] = [];
    const app = await startTestApp({ env: { LOG_LEVEL: 'error', OUTBOX_RELAY_INTERVAL_MS: '60000', DATABASE_POOL_MAX: '10' } });
    try {
      await seed(app.em());
      const rows: Row[] = [
        ['page-event', sitePaths.event('da', SLUG), 0.5],
        ['page-list', sitePaths.events('da'), 0.3],
      ];
      figures.push(...(await pageFigures(app.config, rows, scratch)));
    } finally {
      await app.close();
    }
    // The embedded default of `npm start`: PGlite, one connection.
    const embedded = await startEmbedded(seed);
    try {
      figures.push(...(await pageFigures(embedded.config, [['page-list-embedded', sitePaths.events('da'), 0.1]], scratch)));
    } finally {
      await embedded.close();
      rmSync(scratch, { recursive: true, force: true });
    }
    return figures;
  },
};
