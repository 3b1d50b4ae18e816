import { Client } from 'pg';
import { loadConfigOrExit, type AppConfig } from '@mangfold/config';
import { initOrm, migrateAndSeedReference } from './orm';
import { DemoSeeder } from './seeders/demo.seeder';
import { MIGRATIONS_DIR, writeMigrationIndex } from './migration-index';

/*
 * Database chores:
 *   migrate                 apply pending migrations and reference data to DATABASE_URL
 *   migration:create [name] diff the entities against the migrated schema and write a migration
 *   migration:check         exit 1 when the entities and the migrations disagree
 *   seed:demo [--force]     load demo data (refused in production, and into a non-empty database without --force)
 */

const LOCAL_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';

async function withScratchDatabase<T>(serverUrl: string, fn: (url: string) => Promise<T>): Promise<T> {
  const name = `mangfold_scratch_${Date.now()}_${process.pid}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return await fn(url.toString());
  } finally {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

/** Pending schema changes, as SQL, against a scratch database migrated to the latest migration. */
export async function pendingSchemaDiff(config: AppConfig, serverUrl: string): Promise<string[]> {
  return withScratchDatabase(serverUrl, async (url) => {
    const orm = await initOrm({ ...config, db: { ...config.db, url, poolMax: 2 } });
    try {
      await orm.getMigrator().up();
      const sql = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false, safe: false, dropTables: true });
      return sql
        .split(';\n')
        .map((s) => s.trim())
        .filter(Boolean);
    } finally {
      await orm.close();
    }
  });
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  const config = loadConfigOrExit();
  const serverUrl = config.db.url ?? LOCAL_SERVER;
  switch (command) {
    case 'migrate': {
      if (!config.db.url) throw new Error('DATABASE_URL is not set');
      const orm = await initOrm(config);
      const applied = await migrateAndSeedReference(orm, config.db.url);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
      await orm.close();
      return;
    }
    case 'migration:create': {
      await withScratchDatabase(serverUrl, async (url) => {
        const orm = await initOrm({ ...config, db: { ...config.db, url, poolMax: 2 } });
        try {
          await orm.getMigrator().up();
          // The name becomes part of a class name: keep it an identifier (my-change → my_change).
          const name = args[0]?.replace(/[^A-Za-z0-9_]+/g, '_');
          const result = await orm.getMigrator().createMigration(MIGRATIONS_DIR, false, false, name);
          if (!result.fileName) console.log('no changes: the migrations already match the entities');
          else console.log(`written: prisma-free-db/migrations/${result.fileName}`);
        } finally {
          await orm.close();
        }
      });
      writeMigrationIndex();
      return;
    }
    case 'migration:check': {
      const diff = await pendingSchemaDiff(config, serverUrl);
      if (diff.length) {
        console.error(`The entities differ from the migrations; run "npm run migration:create":\n${diff.join(';\n')}`);
        process.exitCode = 1;
      } else console.log('migrations match the entities');
      return;
    }
    case 'seed:demo': {
      if (config.env === 'production') throw new Error('refusing to load demo data with NODE_ENV=production');
      if (!config.db.url) throw new Error('DATABASE_URL is not set');
      const orm = await initOrm(config);
      try {
        await migrateAndSeedReference(orm, config.db.url);
        const loaded = await new DemoSeeder({ force: args.includes('--force') }).load(orm.em.fork());
        console.log(
          loaded ? 'demo data loaded' : 'the database already has associations; not loading demo data (use --force to load anyway)',
        );
      } finally {
        await orm.close();
      }
      return;
    }
    default:
      console.error('usage: cli.js migrate | migration:create [name] | migration:check | seed:demo [--force]');
      process.exitCode = 2;
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
