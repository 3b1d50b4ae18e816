import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '@mangfold/auth';
import { Metrics } from '@mangfold/observability';

/** Prometheus text format. Holds no personal data; restrict it at the proxy if it should not be public. */
@Controller('metrics')
@Public()
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  async scrape(@Res() res: Response): Promise<void> {
    res.setHeader('Content-Type', this.metrics.registry.contentType);
    res.send(await this.metrics.registry.metrics());
  }
}
