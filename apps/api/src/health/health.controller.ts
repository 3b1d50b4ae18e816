import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { EntityManager } from '@mikro-orm/postgresql';
import type Redis from 'ioredis';
import { Public } from '@mangfold/auth';
import { InjectRedis } from '@mangfold/jobs';

const CHECK_TIMEOUT_MS = 2_000;

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

const startedAt = new Date();

/** 200 when PostgreSQL and Redis answer; 503 naming what failed otherwise. For load balancers. */
@Controller('health')
@Public()
export class HealthController {
  constructor(
    private readonly em: EntityManager,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  @Get()
  async health(@Res() res: Response): Promise<void> {
    const [database, redis] = await Promise.all([check(() => this.em.getConnection().execute('select 1')), check(() => this.redis.ping())]);
    const ok = database === 'up' && redis === 'up';
    res
      .status(ok ? 200 : 503)
      .setHeader('Cache-Control', 'no-store')
      .json({
        status: ok ? 'ok' : 'error',
        checks: { database, redis },
        startedAt: startedAt.toISOString(),
        uptimeSeconds: Math.round(process.uptime()),
      });
  }
}
