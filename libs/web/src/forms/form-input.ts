import type { Type } from '@nestjs/common';
import { AppError, BadUserInputError, InputPipe, type FieldErrors } from '@mangfold/graphql';

const pipe = new InputPipe();

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/**
 * A posted form checked by exactly the rules of the GraphQL input class it stands for (the same
 * pipe the API runs), so a page and a mutation can never disagree about what is valid.
 */
export async function parseInput<T extends object>(type: Type<T>, raw: Record<string, unknown>): Promise<Parsed<T>> {
  try {
    return { ok: true, value: (await pipe.transform(raw, { type: 'body', metatype: type })) as T };
  } catch (error) {
    const fields = fieldErrorsOf(error);
    if (fields) return { ok: false, errors: fields };
    throw error;
  }
}

/** The field errors of a rule a service enforced (BAD_USER_INPUT), or undefined for any other error. */
export function fieldErrorsOf(error: unknown): FieldErrors | undefined {
  return error instanceof BadUserInputError ? error.fields : undefined;
}

/**
 * What a person can do something about, in one sentence: a bad field, a conflict, something gone
 * or not theirs. Undefined for anything else, which is a server error and is not shown.
 */
export function problemOf(error: unknown): string | undefined {
  if (error instanceof BadUserInputError) return Object.values(error.fields)[0] ?? error.message;
  if (error instanceof AppError && error.code !== 'INTERNAL_SERVER_ERROR') return error.message;
  return undefined;
}

/** A form field's text ('' when absent or not text). */
export function text(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  return typeof value === 'string' ? value : '';
}

/** A blank form field means "not given". */
export function optional(body: Record<string, unknown>, name: string): string | null {
  const value = text(body, name).trim();
  return value === '' ? null : value;
}

/** A checkbox is on when it was sent at all. */
export function checked(body: Record<string, unknown>, name: string): boolean {
  return body[name] !== undefined;
}

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** `{ "description.da": "x" }` → `{ description: { da: "x" } }`: form names are the input's dotted paths. */
export function nested(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    const path = key.split('.');
    // A posted name must never reach Object.prototype.
    if (key === '_csrf' || path.some((part) => UNSAFE_KEYS.has(part))) continue;
    let node = out;
    for (const part of path.slice(0, -1)) {
      const next = node[part];
      node = (next !== null && typeof next === 'object' ? next : (node[part] = {})) as Record<string, unknown>;
    }
    node[path[path.length - 1]] = value;
  }
  return out;
}
