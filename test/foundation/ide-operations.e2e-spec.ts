import { GraphQLSchemaHost } from '@nestjs/graphql';
import { parse, validate } from 'graphql';
import { DateTime } from 'luxon';
import { DemoSeeder } from '@mangfold/prisma-free-db';
import { exampleOperations } from '../../apps/api/src/ide/example-operations';
import { startTestApp, type GraphqlResponse, type TestApp } from '../utils';
import { idePlaceholders, operationsOf } from './ide-placeholders';

/**
 * The IDE's saved operations, as TFI and associations run them: each tab's document is valid
 * against the schema, and each of its operations runs on demo data without an error, with the
 * tab's own variables (placeholders for ids replaced by real ones, as a user would).
 */
describe("the IDE's saved operations", () => {
  let app: TestApp;
  let admin: string;

  beforeAll(async () => {
    app = await startTestApp();
    expect(await new DemoSeeder().load(app.em())).toBe(true);
    admin = await app.adminToken();
  });
  afterAll(() => app.close());

  /** Runs one operation of a document as the IDE does: the tab's whole variables, the operation by name. */
  async function run(query: string, operationName: string, variables: Record<string, unknown>): Promise<GraphqlResponse> {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ query, operationName, variables }),
    });
    return (await res.json()) as GraphqlResponse;
  }

  it('are valid against the schema', () => {
    const schema = app.api.get(GraphQLSchemaHost).schema;
    for (const op of exampleOperations()) {
      expect({ name: op.name, errors: validate(schema, parse(op.query)).map((e) => e.message) }).toEqual({ name: op.name, errors: [] });
    }
  });

  it("offer TFI's KPI operations, asking for this year, and the moderation queue", () => {
    const year = DateTime.now().setZone('Europe/Copenhagen').year;
    const operations = exampleOperations();
    const tfi = ['KPIs this year', 'Local associations involved', 'International Day participation', 'Status reports', 'Set a KPI target'];
    for (const name of tfi) expect({ name, year: operations.find((o) => o.name === name)?.variables?.year }).toEqual({ name, year });
    expect(operations.map((o) => o.name)).toContain('Events awaiting moderation');
  });

  it('ask for upcoming events from today, and include creating an event by slugs', () => {
    const now = new Date('2027-08-15T10:00:00Z');
    const operations = exampleOperations(now);
    const upcoming = operations.find((o) => o.name === 'Upcoming events')!;
    expect(upcoming.variables?.from).toBe('2027-08-14T22:00:00.000Z');
    const create = operations.find((o) => o.name === 'Create an event')!;
    expect(create.variables?.input).toMatchObject({ housingAreaSlug: 'mjoelnerparken', startsAt: '2028-06-23T19:00' });
  });

  it('each run on demo data without errors', async () => {
    const fill = await idePlaceholders(app, admin, 'api');
    const results: Record<string, any> = {};
    const ran: string[] = [];
    for (const { tab, query, name, variables } of operationsOf(fill)) {
      const res = await run(query, name, variables);
      expect({ tab, operation: name, errors: res.errors }).toEqual({ tab, operation: name, errors: undefined });
      results[name] = res.data;
      ran.push(`${tab}/${name}`);
    }
    expect(ran).toEqual(expect.arrayContaining(Object.keys(fill)));
    expect(results.UpcomingEvents.events.totalCount).toBeGreaterThan(0);
    expect(results.UpcomingEvents.events.edges.length).toBeGreaterThan(0);
    expect(results.CreateEvent.createEvent).toMatchObject({ district: { slug: 'noerrebro' }, housingArea: { slug: 'mjoelnerparken' } });
  });
});
