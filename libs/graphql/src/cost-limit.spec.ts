import { buildSchema, Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { operationCost } from './cost-limit';

const schema = buildSchema(`
  type Query { events(first: Int = 25, after: String): EventConnection!, districts: [District!]!, me: User }
  type EventConnection { edges: [EventEdge!]!, pageInfo: PageInfo! }
  type EventEdge { cursor: String!, node: Event! }
  type PageInfo { hasNextPage: Boolean! }
  type Event { id: ID!, title: String!, organizers: [Association!]!, registrations(first: Int = 10): RegistrationConnection! }
  type RegistrationConnection { edges: [RegistrationEdge!]! }
  type RegistrationEdge { node: Registration! }
  type Registration { id: ID! }
  type Association { id: ID!, name: String! }
  type District { slug: String! }
  type User { id: ID! }
`);

function cost(source: string, variables: Record<string, unknown> = {}): number {
  const document = parse(source);
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operation: OperationDefinitionNode | undefined;
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    if (def.kind === Kind.OPERATION_DEFINITION) operation = def;
  }
  return operationCost(schema, operation!, fragments, variables);
}

describe('operationCost', () => {
  it('counts one per field', () => {
    expect(cost('{ districts { slug } me { id } }')).toBe(4);
  });

  it('multiplies what is below a paginated field by its first', () => {
    // events: 1 + 10 × (edges 1 + node 1 + id 1 + title 1) = 41
    expect(cost('{ events(first: 10) { edges { node { id title } } } }')).toBe(41);
    expect(cost('{ events(first: 100) { edges { node { id title } } } }')).toBe(401);
  });

  it('uses the default of first when it is omitted, and the variable when given', () => {
    expect(cost('{ events { edges { node { id } } } }')).toBe(1 + 25 * 3);
    expect(cost('query($n: Int) { events(first: $n) { edges { node { id } } } }', { n: 4 })).toBe(1 + 4 * 3);
  });

  it('assumes a large page when the size is unknown', () => {
    expect(cost('query($n: Int) { events(first: $n) { edges { node { id } } } }')).toBe(1 + 100 * 3);
  });

  it('multiplies nested pages', () => {
    // 1 + 50 × (edges 1 + node 1 + registrations (1 + 20 × (edges 1 + node 1 + id 1)))
    expect(cost('{ events(first: 50) { edges { node { registrations(first: 20) { edges { node { id } } } } } } }')).toBe(
      1 + 50 * (2 + 1 + 20 * 3),
    );
  });

  it('follows fragments, and counts a fragment spread twice as twice the work', () => {
    const q = '{ events(first: 2) { edges { node { ...E ...E } } } } fragment E on Event { id title }';
    expect(cost(q)).toBe(1 + 2 * (1 + 1 + 2 + 2));
  });

  it('ignores introspection fields', () => {
    expect(cost('{ __typename districts { slug } }')).toBe(2);
  });
});
