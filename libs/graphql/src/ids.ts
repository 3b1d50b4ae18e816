import { parseUuid } from '@mangfold/common';
import { BadUserInputError } from './errors';

/** An id argument: a malformed one is the caller's mistake (BAD_USER_INPUT), never a database error. */
export function parseId(value: unknown, field: string): string {
  const id = parseUuid(value);
  if (!id) throw BadUserInputError.field(field, `${field} is not a valid id`);
  return id;
}
