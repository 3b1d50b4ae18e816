import { ReferenceKind, type EntityMetadata } from '@mikro-orm/core';

/** A many-to-one as a plain record carries it: the key, read as on a loaded entity's reference. */
export interface RecordRef {
  id: string;
}

/**
 * Turns rows mapped by MikroORM's query builder (`qb.execute('all')`: property names, JSON and
 * dates as the entity has them, a many-to-one as its key, an inline embeddable's fields flat) into
 * plain records shaped as a loaded entity is read: each many-to-one as `{ id }` or null, each
 * embeddable an object (embeddables inside embeddables are not handled; there are none). Read-only
 * lists use these where hydrating entities (identity map, change-set snapshot, relation
 * propagation on every instance) costs more than the query; records are never flushed, so no
 * write can come from them.
 */
export function plainRecords<T>(meta: EntityMetadata, rows: readonly Record<string, unknown>[]): T[] {
  const references = meta.relations.filter((p) => p.kind === ReferenceKind.MANY_TO_ONE).map((p) => p.name);
  // Inline embeddables come back flat (`location_name`); the entity has them as an object.
  const embeddables = meta.props
    .filter((p) => p.kind === ReferenceKind.EMBEDDED && !p.object)
    .map((p) => ({
      name: p.name,
      nullable: !!p.nullable,
      fields: Object.entries(p.embeddedProps).map(([key, inner]) => [key, inner.name]),
    }));
  return rows.map((row) => {
    const record: Record<string, unknown> = { ...row };
    for (const name of references) {
      const key = row[name];
      record[name] = key === null || key === undefined ? null : typeof key === 'object' ? key : { id: key };
    }
    for (const embeddable of embeddables) {
      const value: Record<string, unknown> = {};
      for (const [key, column] of embeddable.fields) {
        value[key] = row[column] ?? null;
        delete record[column];
      }
      record[embeddable.name] = embeddable.nullable && Object.values(value).every((v) => v === null) ? null : value;
    }
    return record as T;
  });
}
