import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppConfig } from '@mangfold/config';
import { initOrm, migrateAndSeedReference } from '@mangfold/prisma-free-db';
import { testConfig } from '../test/utils';
import { start, stop, type Child } from './servers';

/*
 * The embedded default of `npm start` (apps/launcher): PGlite served over the wire protocol by
 * startEmbeddedPostgres (@mangfold/db) in a process of its own, migrated and seeded with the
 * reference data as the launcher does, and an api on a pool of ONE connection
 * (DATABASE_POOL_MAX=1, as the launcher sets it).
 */
export interface Embedded {
  /** The api's configuration: the embedded database, one pooled connection. */
  config: AppConfig;
  close(): Promise<void>;
}

export async function startEmbedded(seed: (em: EntityManager) => Promise<void>): Promise<Embedded> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mangfold-embedded-bench-'));
  let pglite: Child | undefined;
  try {
    pglite = await start('pglite', dataDir);
    const config = testConfig(pglite.url!, { LOG_LEVEL: 'error', OUTBOX_RELAY_INTERVAL_MS: '60000', DATABASE_POOL_MAX: '1' });
    const orm = await initOrm(config);
    try {
      await migrateAndSeedReference(orm, config.db.url!);
      await seed(orm.em.fork());
    } finally {
      await orm.close();
    }
    const child = pglite;
    return {
      config,
      async close() {
        await stop(child);
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await stop(pglite);
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
