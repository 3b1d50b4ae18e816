import { MikroORM } from '@mikro-orm/postgresql';
import { createEvent } from '../factories';
import { startTestApp, type TestApp } from '../utils';

const MIGRATION = 'Migration20261204080000_danish_reference_slugs';

/** The migration to Danish reference slugs, on a database that still has the old ones and their feeds. */
describe('migration danish_reference_slugs', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('renames districts and housing areas, and moves their feeds to the new keys', async () => {
    const migrator = app.api.get(MikroORM).getMigrator();
    const sql = (query: string, params: unknown[] = []) => app.em().getConnection().execute(query, params);
    await migrator.down({ migrations: [MIGRATION] });
    expect((await sql(`select slug from district where slug in ('norrebro', 'noerrebro')`)).map((r) => r.slug)).toEqual(['norrebro']);

    // What the feeds held under the old slug: state, a snapshot and an event's fragment.
    await sql(
      `insert into feed_state (id, feed_key, wanted_version, rendered_version) values (gen_random_uuid(), 'district/norrebro', 3, 3)`,
    );
    await sql(
      `insert into feed_snapshot (id, feed_key, lang, body_gzip, etag, last_modified, version, event_count, byte_size)
       values (gen_random_uuid(), 'district/norrebro', 'da', '\\x00', '"x"', now(), 1, 0, 1)`,
    );
    const event = await createEvent(app.em(), { title: { da: 'I feedet' } });
    await sql(
      `insert into event_feed_fragment (id, event_id, lang, body, feed_keys, starts_at, content_hash, renderer_version, modified_at)
       values (gen_random_uuid(), ?, 'da', '', '{all,district/norrebro}', now(), 'h', 1, now())`,
      [event.id],
    );

    await migrator.up({ migrations: [MIGRATION] });
    expect((await sql(`select slug from district order by sort_order`)).map((r) => r.slug)).toEqual([
      'indre-by',
      'oesterbro',
      'noerrebro',
      'vesterbro-kongens-enghave',
      'valby',
      'vanloese',
      'broenshoej-husum',
      'bispebjerg',
      'amager-oest',
      'amager-vest',
    ]);
    expect((await sql(`select slug from housing_area where slug like 'mj%'`)).map((r) => r.slug)).toEqual(['mjoelnerparken']);
    const states = await sql(`select feed_key, wanted_version, rendered_version from feed_state where feed_key like 'district/n%'`);
    expect(states).toEqual([{ feed_key: 'district/noerrebro', wanted_version: 4, rendered_version: 3 }]);
    expect(await sql(`select 1 from feed_snapshot where feed_key = 'district/norrebro'`)).toEqual([]);
    expect((await sql(`select feed_keys from event_feed_fragment where event_id = ?`, [event.id]))[0].feed_keys).toEqual([
      'all',
      'district/noerrebro',
    ]);
  });
});
