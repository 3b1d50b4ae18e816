import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '@mangfold/config';

const dir = join(__dirname, '../../docker');

/** No Docker engine runs here; these checks keep the files users deploy with honest. */
describe('docker/', () => {
  const compose = parse(readFileSync(join(dir, 'compose.yml'), 'utf8'), { merge: true });
  const example = Object.fromEntries(
    readFileSync(join(dir, '.env.example'), 'utf8')
      .split('\n')
      .filter((l) => /^[A-Z_]+=/.test(l))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );

  /** Substitutes ${VAR}, ${VAR:-default} and ${VAR:?message} as compose does. */
  function interpolate(value: string, env: Record<string, string>): string {
    return value.replace(/\$\{([A-Z_]+)(?::([-?])([^}]*))?\}/g, (_, name: string, op: string | undefined, arg: string) => {
      if (env[name] !== undefined && env[name] !== '') return env[name];
      if (op === '?') throw new Error(`${name} is required: ${arg}`);
      return op === '-' ? arg : '';
    });
  }

  it('has a proxy, api and worker replicas, PostgreSQL with a volume, Redis with noeviction and AOF, and a mail catcher', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'mailpit', 'postgres', 'proxy', 'redis', 'worker']);
    expect(compose.services.api.deploy.replicas).toBeGreaterThan(1);
    expect(compose.services.worker.deploy.replicas).toBeGreaterThan(1);
    expect(readFileSync(join(dir, 'nginx.conf'), 'utf8')).toMatch(/server api:3000/);
    expect(compose.services.postgres.volumes[0]).toMatch(/:\/var\/lib\/postgresql\/data$/);
    expect(compose.services.redis.command).toEqual(expect.arrayContaining(['--appendonly', 'yes', '--maxmemory-policy', 'noeviction']));
    expect(compose.services.api.command).toEqual(['node', 'dist/apps/api/src/main.js']);
    expect(compose.services.worker.command).toEqual(['node', 'dist/apps/worker/src/main.js']);
  });

  it.each(['api', 'worker'])('gives the %s a configuration that passes validation in production', (service) => {
    const env = Object.fromEntries(
      Object.entries(compose.services[service].environment as Record<string, string>).map(([k, v]) => [
        k,
        interpolate(String(v), { ...example, JWT_SECRET: 'x'.repeat(64) }),
      ]),
    );
    const config = loadConfig(env);
    expect(config.env).toBe('production');
    expect(config.db.url).toMatch(/^postgres:\/\/mangfold:.+@postgres:5432\/mangfold$/);
    expect(config.redis.url).toBe('redis://redis:6379');
  });

  it('refuses to start without the secrets', () => {
    const env = compose.services.api.environment as Record<string, string>;
    expect(() => interpolate(env.JWT_SECRET, {})).toThrow(/JWT_SECRET is required/);
    expect(() => interpolate(env.DATABASE_URL, {})).toThrow(/POSTGRES_PASSWORD is required/);
  });

  it('builds a non-root image with production dependencies only', () => {
    const dockerfile = readFileSync(join(dir, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^FROM .* AS build$/m);
    expect(dockerfile).toMatch(/^FROM .* AS runtime$/m);
    expect(dockerfile).toMatch(/npm prune --omit=dev/);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK /m);
  });
});
