import DataLoader from 'dataloader';
import type { EntityClass, EntityManager, FilterQuery } from '@mikro-orm/core';

/** Creates one DataLoader; called at most once per request. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LoaderFactory<K, V> = () => DataLoader<K, V, any>;

/**
 * The per-request set of DataLoaders. A lib defines a factory once (usually a property of a
 * singleton service) and field resolvers ask `loaders.get(factory).load(id)`, so parents resolved
 * in one request share one batched query.
 */
export class Loaders {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private readonly cache = new Map<LoaderFactory<any, any>, DataLoader<any, any, any>>();

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get<K, V>(factory: LoaderFactory<K, V>): DataLoader<K, V, any> {
    let loader = this.cache.get(factory);
    if (!loader) {
      loader = factory();
      this.cache.set(factory, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

/** Loads entities by primary key in one query per batch; a missing id resolves to an error. */
export function byIdLoader<T extends { id: string }>(em: EntityManager, entity: EntityClass<T>): DataLoader<string, T> {
  return new DataLoader<string, T>(async (ids) => {
    const rows = await em.find(entity, { id: { $in: [...ids] } } as unknown as FilterQuery<T>);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? new Error(`${entity.name} ${id} not found`));
  });
}
