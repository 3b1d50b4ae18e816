import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../..');

function smoke(dataDir: string) {
  const result = spawnSync(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'embedded-smoke.ts'), dataDir], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'error' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.status !== 0) throw new Error(`embedded smoke failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop()!);
}

/** The embedded default (PGlite over the wire protocol) runs the same migrations and queries. */
describe('the embedded PostgreSQL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mangfold-embedded-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('migrates, seeds and answers queries through one pooled connection', () => {
    const first = smoke(dataDir);
    expect(first.applied).toBeGreaterThan(0);
    expect(first.demoLoaded).toBe(true);
    expect(first.districts).toBe(10);
    expect(first.published).toBeGreaterThan(3);
    expect(first.organizersLoaded).toBe(true);
    expect(first.parallel).toEqual([1, 2, 3]);
  });

  it('keeps its data across a restart and does not load the demo twice', () => {
    const second = smoke(dataDir);
    expect(second.applied).toBe(0);
    expect(second.demoLoaded).toBe(false);
    expect(second.associations).toBeGreaterThan(3);
  });
});
