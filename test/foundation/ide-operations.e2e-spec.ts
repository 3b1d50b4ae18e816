import { GraphQLSchemaHost } from '@nestjs/graphql';
import { Kind, parse, validate, type OperationDefinitionNode } from 'graphql';
import { Association, AssociationStatus } from '@mangfold/associations';
import { Event } from '@mangfold/calendar';
import { DemoSeeder } from '@mangfold/prisma-free-db';
import { exampleOperations } from '../../apps/api/src/ide/example-operations';
import { createAssociation } from '../factories';
import { dataOf, startTestApp, type GraphqlResponse, type TestApp } from '../utils';
import { recordAssignment } from '../workplan/helpers';

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

  it('ask for upcoming events from today, and include creating an event by slugs', () => {
    const now = new Date('2027-08-15T10:00:00Z');
    const operations = exampleOperations(now);
    const upcoming = operations.find((o) => o.name === 'Upcoming events')!;
    expect(upcoming.variables?.from).toBe('2027-08-14T22:00:00.000Z');
    const create = operations.find((o) => o.name === 'Create an event')!;
    expect(create.variables?.input).toMatchObject({ housingAreaSlug: 'mjoelnerparken', startsAt: '2028-06-23T19:00' });
  });

  type Fill = Record<string, (variables: Record<string, any>) => Record<string, any>>;

  /**
   * What a user puts in place of each tab's placeholders (by tab and operation): rows of the demo
   * data, and fresh ones to approve, submit, publish or send back.
   */
  async function placeholders(run: string): Promise<Fill> {
    const em = app.em();
    const demoAssociation = await em.findOneOrFail(Association, { slug: 'mjoelnerparkens-beboerforening' });
    const seminar = await em.findOneOrFail(Event, { slug: 'seminar-projektledelse-frivillige' });
    const toApprove = await createAssociation(em, { name: `Ny Forening ${run}`, status: AssociationStatus.PENDING });
    const toReject = await createAssociation(em, { name: `Afventende Forening ${run}`, status: AssociationStatus.PENDING });
    const draft = async (da: string, submit: boolean): Promise<string> => {
      const input = { associationId: demoAssociation.id, title: { da }, startsAt: '2030-05-01T10:00', endsAt: '2030-05-01T12:00' };
      const { id } = dataOf(await app.gql('mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }', { input }, admin))
        .createEvent as { id: string };
      if (submit) dataOf(await app.gql('mutation($id: ID!) { submitEvent(id: $id) { id } }', { id }, admin));
      return id;
    };
    const assignment = await recordAssignment(app, admin, `ide-${run}`);
    const [toSubmit, toPublish, toSendBack] = [
      await draft(`Kladde ${run}`, false),
      await draft(`Til TFI ${run}`, true),
      await draft(`Afvises ${run}`, true),
    ];
    return {
      'Log in/Login': (v) => ({ ...v, email: app.config.auth.adminEmail, password: app.config.auth.adminPassword }),
      'Sign up an association/SignUp': (v) => ({
        ...v,
        input: { ...v.input, name: `${v.input.name} ${run}`, email: `madklub-${run}@example.org` },
      }),
      'Approve or reject (admin)/Approve': (v) => ({ ...v, id: toApprove.id }),
      'Approve or reject (admin)/Reject': (v) => ({ ...v, id: toReject.id, reason: 'Mangler oplysninger om foreningen' }),
      'Create an event/CreateEvent': (v) => ({ ...v, input: { ...v.input, associationId: demoAssociation.id } }),
      'Create an event/SubmitEvent': (v) => ({ ...v, id: toSubmit }),
      'Events awaiting moderation/Publish': (v) => ({ ...v, id: toPublish }),
      'Events awaiting moderation/Reject': (v) => ({ ...v, id: toSendBack, reason: 'Mangler en beskrivelse' }),
      'Work plan: complete an assignment/Complete': (v) => ({ ...v, id: assignment.id }),
      'Register for a seminar/Register': (v) => ({ ...v, eventId: seminar.id, input: { ...v.input, email: `amina-${run}@example.org` } }),
    };
  }

  /** Every operation of every tab, in order, with the tab's variables filled in. */
  function* operationsOf(fill: Fill) {
    for (const op of exampleOperations()) {
      const definitions = parse(op.query).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      for (const definition of definitions) {
        const name = definition.name!.value;
        const given = op.variables ?? {};
        yield {
          tab: op.name,
          query: op.query,
          operation: definition.operation,
          name,
          variables: fill[`${op.name}/${name}`]?.(given) ?? given,
        };
      }
    }
  }

  it('each run on demo data without errors', async () => {
    const fill = await placeholders('api');
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
