import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { type EntityManager, MikroORM } from '@mikro-orm/postgresql';
import Redis from 'ioredis';
import type { AppConfig } from '@mangfold/config';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app';
import { createTestDatabase, type TestDatabase } from './test-database';
import { testConfig } from './test-config';
import { graphql, type GraphqlResponse } from './graphql-client';

export interface TestApp {
  config: AppConfig;
  db: TestDatabase;
  api: NestExpressApplication;
  worker?: INestApplicationContext;
  /** http://127.0.0.1:<port> of the running api. */
  url: string;
  /** A fresh EntityManager on the test database (for factories and assertions). */
  em(): EntityManager;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphqlResponse<T>>;
  /** Logs in and returns the access token. */
  login(email: string, password: string): Promise<string>;
  adminToken(): Promise<string>;
  startWorker(): Promise<INestApplicationContext>;
  close(): Promise<void>;
}

/**
 * Starts the real api on a fresh database (and optionally the worker) in this process, listening
 * on a free port, with a private Redis prefix. Call close() in afterAll.
 */
export async function startTestApp(options: { worker?: boolean; env?: Record<string, string | undefined> } = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = testConfig(db.url, options.env);
  const api = await createApiApp(config);
  await api.listen(0, '127.0.0.1');
  const address = api.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  let adminToken: string | undefined;

  const app: TestApp = {
    config,
    db,
    api,
    url,
    em: () => api.get<MikroORM>(MikroORM).em.fork(),
    gql: (query, variables, token) => graphql(url, query, variables, { token }),
    async login(email, password) {
      const res = await graphql<{ login: { accessToken: string } }>(
        url,
        'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
        { e: email, p: password },
      );
      if (!res.data?.login) throw new Error(`login failed: ${JSON.stringify(res.errors)}`);
      return res.data.login.accessToken;
    },
    async adminToken() {
      adminToken ??= await app.login(config.auth.adminEmail!, config.auth.adminPassword!);
      return adminToken;
    },
    async startWorker() {
      app.worker ??= await createWorkerApp(config);
      return app.worker;
    },
    async close() {
      await app.worker?.close();
      await api.close();
      await cleanRedisPrefix(config);
      await db.drop();
    },
  };
  if (options.worker) await app.startWorker();
  return app;
}

/** Deletes every key under the test's Redis prefix. */
export async function cleanRedisPrefix(config: AppConfig): Promise<void> {
  const redis = new Redis(config.redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.redis.prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } catch {
    // Redis may be the thing a test stopped; its keys then vanish with it.
  } finally {
    redis.disconnect();
  }
}
