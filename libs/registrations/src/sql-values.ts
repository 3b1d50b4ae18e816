const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The id lower-cased when it is a UUID, else undefined: ids from clients never reach SQL unchecked. */
export function asUuid(id: string | null | undefined): string | undefined {
  return typeof id === 'string' && UUID.test(id) ? id.toLowerCase() : undefined;
}

/**
 * A PostgreSQL array literal of UUIDs for `= any(?::uuid[])` (raw queries expand a JS array into
 * a list of parameters, so the array goes as one literal). Anything not a UUID is dropped.
 */
export function uuidArray(ids: readonly string[]): string {
  return `{${ids
    .map((id) => asUuid(id))
    .filter((id): id is string => !!id)
    .join(',')}}`;
}

/**
 * A timestamptz from a raw query: MikroORM's driver hands them over as PostgreSQL text
 * ("2026-12-08 16:00:00.123+00"), which the Date parser reads with its offset.
 */
export function pgDate(value: Date | string): Date;
export function pgDate(value: Date | string | null): Date | null;
export function pgDate(value: Date | string | null): Date | null {
  if (value === null || value instanceof Date) return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`unreadable timestamp from the database: ${value}`);
  return date;
}
