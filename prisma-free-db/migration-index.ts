import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const MIGRATIONS_DIR = join(process.cwd(), 'prisma-free-db', 'migrations');

/**
 * Regenerates migrations/index.ts from the migration files, in file-name (timestamp) order.
 * Standalone on purpose: after a merge the index may not compile, so this must not import it.
 */
export function writeMigrationIndex(): void {
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^Migration\d{14}.*\.ts$/.test(f))
    .sort();
  const migrations = files.map((f) => {
    const className = /export class (\w+)/.exec(readFileSync(join(MIGRATIONS_DIR, f), 'utf8'))?.[1];
    if (!className) throw new Error(`no migration class in ${f}`);
    return { file: f.replace(/\.ts$/, ''), className };
  });
  const lines = [
    "import type { MigrationObject } from '@mikro-orm/core';",
    ...migrations.map((m) => `import { ${m.className} } from './${m.file}';`),
    '',
    '/** Applied in this order; `npm run migration:create` regenerates this list (a test checks none is missing). */',
    'export const MIGRATIONS: MigrationObject[] = [',
    ...migrations.map((m) => `  { name: '${m.file}', class: ${m.className} },`),
    '];',
    '',
  ];
  writeFileSync(join(MIGRATIONS_DIR, 'index.ts'), lines.join('\n'));
}

if (require.main === module) writeMigrationIndex();
