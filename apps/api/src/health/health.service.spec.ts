import { HealthService } from './health.service';

function service(database: () => Promise<unknown>, redis: () => Promise<unknown>): HealthService {
  return new HealthService({ getConnection: () => ({ execute: database }) } as never, { ping: redis } as never);
}

describe('HealthService', () => {
  afterEach(() => jest.useRealTimers());

  it('is ok when PostgreSQL and Redis both answer', async () => {
    const report = await service(
      async () => [{ '?column?': 1 }],
      async () => 'PONG',
    ).probe();
    expect(report).toEqual({ ok: true, checks: { database: 'up', redis: 'up' } });
  });

  it('names the dependency that failed, and why', async () => {
    const report = await service(
      async () => [],
      async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
      },
    ).probe();
    expect(report).toEqual({ ok: false, checks: { database: 'up', redis: 'down: connect ECONNREFUSED 127.0.0.1:6379' } });
  });

  it('counts a dependency that does not answer within two seconds as down', async () => {
    jest.useFakeTimers();
    const report = service(
      () => new Promise(() => undefined),
      async () => 'PONG',
    ).probe();
    await jest.advanceTimersByTimeAsync(2_000);
    expect(await report).toEqual({ ok: false, checks: { database: 'down: no answer within 2000 ms', redis: 'up' } });
  });
});
