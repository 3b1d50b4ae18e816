import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Metrics } from '@mangfold/observability';

/** Times every request; labels by matched route, never by raw URL, so labels stay few. */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: Metrics) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const end = this.metrics.httpDuration.startTimer({ method: req.method });
    res.once('finish', () => {
      const route = (req.route as { path?: string } | undefined)?.path ?? (req.baseUrl || req.path.split('/').slice(0, 2).join('/') || '/');
      end({ route: typeof route === 'string' ? route : '/', status: String(res.statusCode) });
    });
    next();
  }
}
