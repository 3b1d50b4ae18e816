import { createHash, randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { loadConfig, yearIn } from '@mangfold/config';
import { SCHEMA, initOrm, migrateAndSeedReference } from '@mangfold/prisma-free-db';

/** The PostgreSQL server tests create their databases on (DATABASE_URL, else the local one). */
export const TEST_SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const TEMPLATE_LOCK = 7_263_411_002;
const STALE_AFTER_SECONDS = 3 * 3600;

function urlFor(database: string): string {
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Template name keyed by the migrations and the year, so a new migration builds a new template. */
function templateName(): string {
  const hash = createHash('sha256')
    .update(SCHEMA.migrations.map((m) => m.name).join('\n'))
    .update(String(yearIn('Europe/Copenhagen')))
    .digest('hex')
    .slice(0, 12);
  return `mangfold_tpl_${hash}`;
}

async function withAdmin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: TEST_SERVER_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A migrated template database with reference data, built once per set of migrations under an
 * advisory lock (parallel jest workers and concurrent runs wait for the first to finish).
 */
async function ensureTemplate(admin: Client): Promise<string> {
  const name = templateName();
  await admin.query('select pg_advisory_lock($1)', [TEMPLATE_LOCK]);
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount) return name;
    // Leftovers of runs that crashed before dropping their databases.
    const stale = await admin.query<{ datname: string }>("select datname from pg_database where datname like 'mangfold\\_t\\_%'");
    const now = Math.floor(Date.now() / 1000);
    for (const { datname } of stale.rows) {
      const created = Number(datname.split('_')[2]);
      if (created && now - created > STALE_AFTER_SECONDS) await admin.query(`drop database if exists "${datname}" with (force)`);
    }
    const building = `${name}_building`;
    await admin.query(`drop database if exists "${building}" with (force)`);
    await admin.query(`create database "${building}"`);
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: urlFor(building), DATABASE_POOL_MAX: '2' });
    const orm = await initOrm(config);
    try {
      await migrateAndSeedReference(orm, urlFor(building));
    } finally {
      await orm.close();
    }
    await admin.query(`alter database "${building}" rename to "${name}"`);
    return name;
  } finally {
    await admin.query('select pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh database for one test file: a copy of the migrated template, dropped by `drop()`. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `mangfold_t_${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
  await withAdmin(async (admin) => {
    const template = await ensureTemplate(admin);
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database "${name}" template "${template}"`);
        return;
      } catch (error) {
        // Another worker may be copying the same template at this instant.
        if (attempt >= 20 || !/being accessed by other users/.test((error as Error).message)) throw error;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  });
  return {
    name,
    url: urlFor(name),
    drop: () => withAdmin(async (admin) => void (await admin.query(`drop database if exists "${name}" with (force)`))),
  };
}
