import type { EntityManager, Knex } from '@mikro-orm/postgresql';

/**
 * Runs SQL with real bind parameters on the entity manager's connection (and its transaction, if
 * any). `em.execute` inlines every parameter into the SQL text, escaping it character by character:
 * seconds for a 10 MB feed body. Placeholders are `?`.
 */
export async function query<T = Record<string, unknown>>(em: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  let raw = em.getKnex().raw(sql, params as Knex.RawBinding[]);
  const transaction = em.getTransactionContext<Knex.Transaction>();
  if (transaction) raw = raw.transacting(transaction);
  const result = (await raw) as { rows: T[] };
  return result.rows;
}

/** `?, ?, ?` for a list of values. */
export function placeholders(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ');
}

/** A PostgreSQL text[] literal, for a `?::text[]` parameter. */
export function textArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}
