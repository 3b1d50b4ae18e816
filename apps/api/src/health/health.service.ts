import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type Redis from 'ioredis';
import { InjectRedis } from '@mangfold/jobs';

const CHECK_TIMEOUT_MS = 2_000;

export interface HealthReport {
  ok: boolean;
  /** 'up', or 'down: ' and why, per dependency. */
  checks: { database: string; redis: string };
}

/** A probe that hangs counts as down after the timeout: a load balancer's check must answer in time. */
async function check(probe: () => Promise<unknown>): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return 'up';
  } catch (error) {
    return `down: ${(error as Error).message}`;
  } finally {
    clearTimeout(timer);
  }
}

/** Whether PostgreSQL and Redis answer, both asked at once. */
@Injectable()
export class HealthService {
  constructor(
    private readonly em: EntityManager,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  async probe(): Promise<HealthReport> {
    const [database, redis] = await Promise.all([check(() => this.em.getConnection().execute('select 1')), check(() => this.redis.ping())]);
    return { ok: database === 'up' && redis === 'up', checks: { database, redis } };
  }
}
