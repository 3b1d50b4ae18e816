import { Client } from 'pg';
import { TEST_SERVER_URL, startTestApp, type TestApp } from '../utils';

/** PostgreSQL drops the api's connections (failover, restart, idle kill): requests recover without a restart. */
describe('database connection faults', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { DATABASE_STATEMENT_TIMEOUT_MS: '1000' } });
  });
  afterAll(() => app.close());

  async function killConnections(): Promise<number> {
    const admin = new Client({ connectionString: TEST_SERVER_URL });
    await admin.connect();
    try {
      const res = await admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [app.db.name],
      );
      return res.rowCount ?? 0;
    } finally {
      await admin.end();
    }
  }

  it('answers cleanly while connections are cut, then recovers on its own', async () => {
    expect((await app.gql('{ districts { slug } }')).data?.districts).toHaveLength(10);
    expect(await killConnections()).toBeGreaterThan(0);

    // A request may meet a dead connection: it must fail as a clean GraphQL error, never hang or crash.
    const during = await app.gql('{ districts { slug } }');
    if (during.errors) {
      expect(during.errors[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(during.errors)).not.toMatch(/terminat|SQL|select /i);
    }

    const results = [];
    for (let i = 0; i < 5; i++) results.push(await app.gql('{ districts { slug } }'));
    expect(results.every((r) => r.data?.districts.length === 10)).toBe(true);
    const health = await fetch(`${app.url}/health`);
    expect(health.status).toBe(200);
  });

  it('reports the database as down in /health while it refuses connections, and up again after', async () => {
    const admin = new Client({ connectionString: TEST_SERVER_URL });
    await admin.connect();
    try {
      await admin.query(`alter database "${app.db.name}" allow_connections false`);
      await killConnections();
      const down = await fetch(`${app.url}/health`);
      expect(down.status).toBe(503);
      const body = await down.json();
      expect(body.checks.database).toMatch(/^down: /);
      expect(body.checks.redis).toBe('up');
    } finally {
      await admin.query(`alter database "${app.db.name}" allow_connections true`);
      await admin.end();
    }
    const up = await fetch(`${app.url}/health`);
    expect(up.status).toBe(200);
  });

  it('stops statements that run past the statement timeout', async () => {
    const em = app.em();
    await expect(em.getConnection().execute('select pg_sleep(3)')).rejects.toThrow(/statement timeout/);
    expect((await app.gql('{ districts { slug } }')).data?.districts).toHaveLength(10);
  });
});
