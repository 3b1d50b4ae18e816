import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { AppConfig } from '@mangfold/config';
import { cleanRedisPrefix, createTestDatabase, freePort, testConfig, waitFor, type TestDatabase } from '../utils';

const root = join(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  engines: { node: string };
  devDependencies: Record<string, string>;
};
const PINNED_MAJOR = Number(pkg.devDependencies.node.split('.')[0]);

/**
 * The shell of someone who runs `npm start` or `npm run start:api`: the system's node first (this
 * machine's is 20), none of the node_modules/.bin directories npm and npx put in front when they run
 * this test. npm has to put the pinned Node back for the project's code.
 */
function shellPath(): string {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => !dir.endsWith(join('node_modules', '.bin')))
    .join(delimiter);
}

describe('the Node the api and the worker run on', () => {
  let db: TestDatabase;
  let config: AppConfig;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    config = testConfig(db.url);
  });
  afterAll(async () => {
    // npm runs node in a process group of its own (detached): end the group, not just npm.
    for (const child of children) if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
    await cleanRedisPrefix(config);
    await db.drop();
  });

  /** As the npm scripts `start:api` and `start:worker` do (`node <entry point>`), from the sources. */
  function npmNode(app: 'api' | 'worker', env: Record<string, string>): { child: ChildProcess; output: () => string } {
    let output = '';
    const child = spawn('npm', ['exec', '--offline', '--', 'node', '-r', '@swc-node/register', `apps/${app}/src/main.ts`], {
      cwd: root,
      detached: true,
      env: {
        PATH: shellPath(),
        HOME: process.env.HOME,
        NODE_ENV: 'test',
        DATABASE_URL: db.url,
        REDIS_URL: config.redis.url,
        REDIS_PREFIX: config.redis.prefix,
        JWT_SECRET: config.auth.jwtSecret,
        MIGRATE_ON_START: 'false',
        LOG_LEVEL: 'info',
        ...env,
      },
    });
    children.push(child);
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    return { child, output: () => output };
  }

  it('pins one Node major in package.json and the Docker images', () => {
    expect(PINNED_MAJOR).toBe(24);
    expect(pkg.engines.node).toBe(`>=${PINNED_MAJOR} <${PINNED_MAJOR + 1}`);
    expect(pkg.devDependencies['@types/node'].split('.')[0]).toBe(String(PINNED_MAJOR));
    const froms = readFileSync(join(root, 'docker/Dockerfile'), 'utf8').match(/^FROM .*$/gm) ?? [];
    expect(froms.length).toBeGreaterThan(0);
    for (const from of froms) expect(from).toMatch(new RegExp(`^FROM node:${PINNED_MAJOR}-`));
  });

  it('runs the api on the pinned Node, as its metrics report', async () => {
    const port = await freePort();
    const api = npmNode('api', { PORT: String(port) });
    const url = `http://127.0.0.1:${port}`;
    await waitFor(async () => (await fetch(`${url}/health`).catch(() => undefined))?.ok === true, 45_000, `api up: ${api.output()}`);
    const metrics = await (await fetch(`${url}/metrics`)).text();
    const info = /^nodejs_version_info\{([^}]*)\}/m.exec(metrics);
    expect(info).not.toBeNull();
    expect(info![1]).toContain(`major="${PINNED_MAJOR}"`);
  });

  it('runs the worker on the pinned Node, as its start line says', async () => {
    const worker = npmNode('worker', {});
    await waitFor(async () => /started on Node \d+\.\d+\.\d+/.test(worker.output()), 45_000, `worker up: ${worker.output()}`);
    const [, major] = /started on Node (\d+)\.\d+\.\d+/.exec(worker.output())!;
    expect(Number(major)).toBe(PINNED_MAJOR);
  });
});
