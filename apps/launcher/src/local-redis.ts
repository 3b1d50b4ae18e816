import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import Redis from 'ioredis';

export interface LocalRedis {
  url: string;
  /** The redis-server this launcher started, if it had to start one. */
  child?: ChildProcess;
}

async function answers(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/**
 * Redis for the embedded default: 127.0.0.1:6379 when it answers, else a redis-server child
 * (append-only file under the data dir, so delayed jobs survive a restart), else a clear error.
 */
export async function findOrStartRedis(dataDir: string): Promise<LocalRedis> {
  const standard = 'redis://127.0.0.1:6379';
  if (await answers(standard)) return { url: standard };
  if (spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status !== 0) {
    throw new Error(
      'Mangfold needs Redis for its job queues, and none answers on 127.0.0.1:6379.\n' +
        '  Start one (e.g. "docker run -p 6379:6379 redis:7" or "sudo apt-get install redis-server"),\n' +
        '  or set REDIS_URL=redis://host:port.',
    );
  }
  const port = await freePort();
  const dir = resolve(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', '', '--maxmemory-policy', 'noeviction'],
    {
      stdio: 'ignore',
      detached: true,
    },
  );
  const url = `redis://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  while (!(await answers(url))) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`redis-server did not start on port ${port}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, child };
}
