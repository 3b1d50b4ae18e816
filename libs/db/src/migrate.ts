import { Client } from 'pg';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';

// One constant for every process (api replicas, workers, the launcher), so they queue on the same lock.
const MIGRATION_LOCK = 7_263_411_001;

/**
 * Applies pending migrations and then `afterMigrate` (idempotent reference data) while holding a
 * session-level advisory lock on a connection of its own, so replicas starting together never
 * migrate at the same time, and the ORM's pool (one connection on the embedded database) stays free.
 */
export async function migrateDatabase(
  orm: MikroORM,
  databaseUrl: string,
  afterMigrate?: (em: EntityManager) => Promise<void>,
): Promise<string[]> {
  const lock = new Client({ connectionString: databaseUrl, application_name: 'mangfold-migrate' });
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await orm.getMigrator().up();
    if (afterMigrate) {
      const em = orm.em.fork();
      await em.transactional((tem) => afterMigrate(tem));
    }
    return applied.map((m) => m.name);
  } finally {
    await lock.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.end();
  }
}
