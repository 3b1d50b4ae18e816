import { Field, ObjectType, Int } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';
import type { GraphQLResolveInfo } from 'graphql';
import { parseUuid } from '@mangfold/common';
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

/** What one value of a keyset cursor is: an instant, a UUID, any text, or a queue position (digits). */
export type CursorPart = 'instant' | 'id' | 'text' | 'position';
type CursorValue<P extends CursorPart> = P extends 'instant' ? Date : string;

const READERS: { [P in CursorPart]: (value: unknown) => CursorValue<P> | undefined } = {
  instant: (v) => (typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? new Date(v) : undefined),
  id: (v) => parseUuid(v),
  text: (v) => (typeof v === 'string' ? v : undefined),
  position: (v) => ((typeof v === 'string' || typeof v === 'number') && /^\d+$/.test(String(v)) ? String(v) : undefined),
};

/**
 * The values of a cursor this list returned, read as `parts` says (`['instant', 'id']` gives
 * `[Date, string]`); anything else, forged or from another list, is BAD_USER_INPUT on `field`.
 */
export function decodeCursor<const P extends readonly CursorPart[]>(
  cursor: string,
  parts: P,
  field = 'after',
): { -readonly [I in keyof P]: CursorValue<P[I]> } {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = undefined;
  }
  if (Array.isArray(values) && values.length === parts.length) {
    const read = parts.map((part, i) => READERS[part](values[i]));
    if (read.every((v) => v !== undefined)) return read as { -readonly [I in keyof P]: CursorValue<P[I]> };
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
