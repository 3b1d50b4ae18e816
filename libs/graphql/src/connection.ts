import { Field, ObjectType, Int } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';
import type { GraphQLResolveInfo } from 'graphql';
import { BadUserInputError } from './errors';

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field()
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount?: number;
}

/** A Relay connection type for `node`: `XConnection { edges { cursor node } pageInfo totalCount }`. */
export function ConnectionType<T>(node: Type<T>, name = node.name): Type<Connection<T>> {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field()
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionClass {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { nullable: true, description: 'Number of items matching the filter, whatever the page' })
    totalCount?: number;
  }
  return ConnectionClass;
}

/** Whether the client asked for `totalCount` (counting costs a query, so only then; a fragment may ask for it). */
export function wantsTotalCount(info: GraphQLResolveInfo): boolean {
  return info.fieldNodes.some((node) => node.selectionSet?.selections.some((s) => s.kind !== 'Field' || s.name.value === 'totalCount'));
}

/** Opaque cursor over the values of a keyset (e.g. [startsAt, id]). */
export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number, field = 'after'): (string | number)[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === arity && values.every((v) => typeof v === 'string' || typeof v === 'number')) {
      return values;
    }
  } catch {
    // fall through
  }
  throw BadUserInputError.field(field, 'is not a cursor this list returned');
}

/**
 * Builds a connection from `first + 1` rows fetched after the cursor: the extra row only tells
 * whether there is a next page.
 */
export function toConnection<T>(
  rows: T[],
  first: number,
  cursorOf: (row: T) => (string | number)[],
  hasPrevious: boolean,
  totalCount?: number,
): Connection<T> {
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ node, cursor: encodeCursor(cursorOf(node)) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: hasPrevious,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount,
  };
}
