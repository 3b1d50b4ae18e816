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
