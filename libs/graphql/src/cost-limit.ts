import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  getNamedType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  Kind,
  valueFromASTUntyped,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** Assumed size of a list whose `first` comes from nowhere we can read. */
const UNKNOWN_PAGE = 100;

/**
 * The estimated cost of an operation: each field costs 1, and a field taking `first` (or `last`)
 * multiplies everything below it by that number (the argument's default when omitted), so
 * `events(first: 100) { edges { node { organizers { name } } } }` costs what the database would pay.
 */
export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): number {
  const size = (node: FieldNode, field: GraphQLField<unknown, unknown>): number => {
    for (const name of ['first', 'last']) {
      const declared = field.args.find((a) => a.name === name);
      if (!declared) continue;
      const arg = node.arguments?.find((a) => a.name.value === name);
      const value = arg ? valueFromASTUntyped(arg.value, variables) : declared.defaultValue;
      return typeof value === 'number' && Number.isFinite(value) ? Math.max(1, value) : UNKNOWN_PAGE;
    }
    return 1;
  };

  const cost = (selectionSet: SelectionSetNode | undefined, type: GraphQLNamedType, seen: ReadonlySet<string>): number => {
    if (!selectionSet) return 0;
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || seen.has(fragment.name.value)) continue;
        total += cost(
          fragment.selectionSet,
          schema.getType(fragment.typeCondition.name.value) ?? type,
          new Set([...seen, fragment.name.value]),
        );
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        total += cost(
          selection.selectionSet,
          selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) ?? type) : type,
          seen,
        );
      } else if (!selection.name.value.startsWith('__')) {
        const field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[selection.name.value] : undefined;
        if (!field) continue;
        const child = getNamedType(field.type);
        const below = isUnionType(child)
          ? Math.max(0, ...child.getTypes().map((t) => cost(selection.selectionSet, t, seen)))
          : cost(selection.selectionSet, child, seen);
        total += 1 + size(selection, field) * below;
      }
    }
    return total;
  };

  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  return root ? cost(operation.selectionSet, root, new Set()) : 0;
}

/** Rejects, before execution, operations whose cost (with the actual variables) exceeds `maxCost`. */
export function costLimitPlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const fragments = new Map<string, FragmentDefinitionNode>();
          for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
          const total = operationCost(schema, operation, fragments, request.variables ?? {});
          if (total > maxCost) {
            throw new GraphQLError(
              `The operation is too expensive (estimated cost ${total}, the limit is ${maxCost}); ask for fewer items (a smaller "first") or fewer nested fields`,
              {
                extensions: { code: 'QUERY_TOO_COMPLEX', cost: total, maxCost, http: { status: 400 } },
              },
            );
          }
        },
      };
    },
  };
}
