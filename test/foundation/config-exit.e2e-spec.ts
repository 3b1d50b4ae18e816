import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../..');

function run(app: 'api' | 'worker', env: Record<string, string>) {
  return spawnSync(process.execPath, ['-r', '@swc-node/register', join(root, `apps/${app}/src/main.ts`)], {
    cwd: root,
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('bad configuration', () => {
  it.each(['api', 'worker'] as const)('stops the %s at once with one line per problem and a non-zero exit', (app) => {
    const result = run(app, { NODE_ENV: 'production', PORT: 'eighty', JWT_SECRET: 'short', REDIS_URL: 'http://wrong' });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/configuration has 4 problem\(s\)/);
    expect(
      lines
        .slice(1)
        .map((l) => l.split(':')[0])
        .sort(),
    ).toEqual(['DATABASE_URL', 'JWT_SECRET', 'PORT', 'REDIS_URL']);
    for (const line of lines.slice(1)) expect(line).toMatch(/\(example: [A-Z_]+=\S+\)$/);
    expect(result.stdout).toBe('');
  });
});
