import { UniqueConstraintViolationException } from '@mikro-orm/core';

/** Whether the error is PostgreSQL refusing a row for the named unique constraint. */
export function isUniqueViolationOf(error: unknown, constraint: string): boolean {
  return error instanceof UniqueConstraintViolationException && error.message.includes(constraint);
}
