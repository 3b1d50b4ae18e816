const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The id lower-cased when it is a UUID, else undefined: ids from clients never reach SQL unchecked
 * (PostgreSQL refuses a malformed uuid with an error, which would be a 500, not a "not found").
 */
export function parseUuid(id: unknown): string | undefined {
  return typeof id === 'string' && UUID.test(id) ? id.toLowerCase() : undefined;
}

/**
 * A PostgreSQL array literal of UUIDs for `= any(?::uuid[])` (raw queries expand a JS array into
 * a list of parameters, so the array goes as one literal). Anything not a UUID is dropped.
 */
export function uuidArray(ids: readonly string[]): string {
  return `{${ids
    .map(parseUuid)
    .filter((id): id is string => !!id)
    .join(',')}}`;
}
