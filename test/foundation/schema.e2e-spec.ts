import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { SCHEMA_FILE } from '@mangfold/graphql';
import { startTestApp, type TestApp } from '../utils';

const HEADER = '# Generated from the code by `npm run schema:generate`; a test fails when it drifts. Do not edit.\n\n';

describe('the committed GraphQL schema', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('matches the schema the code builds', () => {
    const actual = HEADER + printSchema(lexicographicSortSchema(app.api.get(GraphQLSchemaHost).schema)) + '\n';
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, actual);
    expect(existsSync(SCHEMA_FILE)).toBe(true);
    // On failure: run `npm run schema:generate` and commit apps/api/schema.gql.
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(actual);
  });
});
