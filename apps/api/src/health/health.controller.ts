import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '@mangfold/auth';
import { HealthService } from './health.service';

const startedAt = new Date();

/** 200 when PostgreSQL and Redis answer; 503 naming what failed otherwise. For load balancers. */
@Controller('health')
@Public()
export class HealthController {
  constructor(private readonly healthService: HealthService) {}

  @Get()
  async health(@Res() res: Response): Promise<void> {
    const { ok, checks } = await this.healthService.probe();
    res
      .status(ok ? 200 : 503)
      .setHeader('Cache-Control', 'no-store')
      .json({
        status: ok ? 'ok' : 'error',
        checks,
        startedAt: startedAt.toISOString(),
        uptimeSeconds: Math.round(process.uptime()),
      });
  }
}
