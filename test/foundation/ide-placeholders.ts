import { Kind, parse, type OperationDefinitionNode, type OperationTypeNode } from 'graphql';
import { Association, AssociationStatus } from '@mangfold/associations';
import { Event } from '@mangfold/calendar';
import { exampleOperations } from '../../apps/api/src/ide/example-operations';
import { createAssociation } from '../factories';
import { dataOf, type TestApp } from '../utils';
import { recordAssignment } from '../workplan/helpers';

/** What a user puts in place of a tab's placeholders, by `tab/operation`: the tab's variables in, the ones sent out. */
export type Fill = Record<string, (variables: Record<string, any>) => Record<string, any>>;

/**
 * What a user puts in place of each tab's placeholders (by tab and operation): rows of the demo
 * data, and fresh ones to approve, submit, publish or send back. `run` tells two runs' rows apart.
 */
export async function idePlaceholders(app: TestApp, admin: string, run: string): Promise<Fill> {
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

export interface TabOperation {
  tab: string;
  query: string;
  operation: OperationTypeNode;
  name: string;
  /** The tab's variables with this operation's placeholders filled in. */
  variables: Record<string, unknown>;
}

/** Every operation of every saved tab, in order, with the tab's variables filled in. */
export function* operationsOf(fill: Fill, now?: Date): Generator<TabOperation> {
  for (const op of exampleOperations(now)) {
    const definitions = parse(op.query).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    for (const definition of definitions) {
      if (!definition.name) throw new Error(`The tab "${op.name}" has an operation without a name`);
      const name = definition.name.value;
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
