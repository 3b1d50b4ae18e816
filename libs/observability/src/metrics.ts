import { performance } from 'node:perf_hooks';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One registry per process, so tests that boot several apps do not collide. */
export class Metrics {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly graphqlOperations = new Counter({
    name: 'graphql_operations_total',
    help: 'GraphQL operations by operation name and outcome',
    labelNames: ['operation', 'outcome'] as const,
    registers: [this.registry],
  });

  /** Children of httpDuration bound per label set, so a hot path skips label hashing. */
  private readonly boundDurations = new Map<string, { observe(seconds: number): void }>();

  constructor(app: string) {
    this.registry.setDefaultLabels({ app });
    collectDefaultMetrics({ register: this.registry });
  }

  /** Records a request answered outside Express (the feeds' and pages' fast paths); `started` from performance.now(). */
  observeHttp(method: string, route: string, status: number, started: number): void {
    const id = `${method} ${route} ${status}`;
    let observer = this.boundDurations.get(id);
    if (!observer) {
      observer = this.httpDuration.labels({ method, route, status: String(status) });
      this.boundDurations.set(id, observer);
    }
    observer.observe((performance.now() - started) / 1000);
  }
}
