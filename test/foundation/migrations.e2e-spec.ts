import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA } from '@mangfold/prisma-free-db';
import { pendingSchemaDiff } from '../../prisma-free-db/cli';
import { TEST_SERVER_URL, testConfig } from '../utils';

describe('migrations', () => {
  it('lists every migration file, in order', () => {
    const files = readdirSync(join(__dirname, '../../prisma-free-db/migrations'))
      .filter((f) => f.startsWith('Migration'))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(SCHEMA.migrations.map((m) => m.name)).toEqual(files);
  });

  it('bring a database exactly to what the entities describe (run `npm run migration:create` if not)', async () => {
    const diff = await pendingSchemaDiff(testConfig(TEST_SERVER_URL), TEST_SERVER_URL);
    expect(diff).toEqual([]);
  });
});
