import { GraphQLSchemaHost } from '@nestjs/graphql';
import { parse, validate } from 'graphql';
import { exampleOperations } from '../../apps/api/src/ide/example-operations';
import { startTestApp, type TestApp } from '../utils';

describe("the playground's saved work-plan operations", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('are valid against the schema and cover assignments, visits, themes, atlases and the seminar package', () => {
    const schema = app.api.get(GraphQLSchemaHost).schema;
    const ours = exampleOperations().filter((o) => o.name.startsWith('Work plan: '));
    expect(ours.map((o) => o.name)).toEqual([
      'Work plan: record an assignment',
      'Work plan: assignments and surveys',
      'Work plan: complete an assignment',
      'Work plan: project visits',
      'Work plan: themed events',
      'Work plan: atlases',
      'Work plan: seminar package',
    ]);
    for (const op of ours)
      expect({ name: op.name, errors: validate(schema, parse(op.query)).map((e) => e.message) }).toEqual({ name: op.name, errors: [] });
  });
});
