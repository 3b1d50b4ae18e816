import 'reflect-metadata';
import { startEmbeddedPostgres } from '@mangfold/db';
import { Association, District } from '@mangfold/associations';
import { Event, EventStatus } from '@mangfold/calendar';
import { DemoSeeder, initOrm, migrateAndSeedReference } from '@mangfold/prisma-free-db';
import { testConfig } from '../utils/test-config';

/*
 * Run as a child process by embedded-postgres.e2e-spec.ts: PGlite loads its WASM with dynamic
 * imports, which jest's module sandbox does not allow. Prints one JSON line of findings.
 */
async function main(dataDir: string): Promise<void> {
  const pg = await startEmbeddedPostgres({ dataDir });
  const orm = await initOrm(testConfig(pg.url, { DATABASE_POOL_MAX: '1' }));
  try {
    const applied = await migrateAndSeedReference(orm, pg.url);
    const demoLoaded = await new DemoSeeder().load(orm.em.fork());
    const em = orm.em.fork();
    const published = await em.find(
      Event,
      { status: EventStatus.PUBLISHED },
      { populate: ['organisers', 'district'], orderBy: { startsAt: 'asc' } },
    );
    // Concurrent transactions through the single pooled connection must be serialised, not interleaved.
    const parallel = await Promise.all(
      [1, 2, 3].map((n) => orm.em.fork().transactional(async (tem) => tem.execute<{ n: number }[]>(`select ${n} as n`))),
    );
    const result = {
      applied: applied.length,
      demoLoaded,
      districts: await em.count(District, {}),
      associations: await em.count(Association, {}),
      published: published.length,
      organizersLoaded: published.every((e) => e.organisers.isInitialized() && e.organisers.length > 0),
      parallel: parallel.map((rows) => rows[0].n),
    };
    process.stdout.write(JSON.stringify(result) + '\n');
  } finally {
    await orm.close();
    await pg.stop();
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
