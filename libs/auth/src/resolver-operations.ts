import type { ModulesContainer } from '@nestjs/core';
import { IS_PUBLIC, ROLES } from './decorators';
import type { Role } from './user.entity';

// The metadata keys @nestjs/graphql's @Query/@Mutation/@Subscription put on a resolver method.
const RESOLVER_TYPE_METADATA = 'graphql:resolver_type';
const RESOLVER_NAME_METADATA = 'graphql:resolver_name';

export interface ResolverOperation {
  type: 'Query' | 'Mutation' | 'Subscription';
  /** The field name in the schema. */
  name: string;
  resolver: string;
  method: string;
  isPublic: boolean;
  roles: Role[] | undefined;
}

/**
 * Every root operation (query, mutation, subscription) of every resolver registered in the
 * application, with whether the global guard lets anonymous callers through. Used by the test that
 * keeps public mutations to the allow-list of PUBLIC_MUTATIONS.
 */
export function resolverOperations(modules: ModulesContainer): ResolverOperation[] {
  const operations: ResolverOperation[] = [];
  const seen = new Set<unknown>();
  for (const module of modules.values()) {
    for (const wrapper of module.providers.values()) {
      const metatype = wrapper.metatype;
      if (typeof metatype !== 'function' || !metatype.prototype || seen.has(metatype)) continue;
      seen.add(metatype);
      const proto = metatype.prototype as Record<string, unknown>;
      for (const method of Object.getOwnPropertyNames(proto)) {
        if (method === 'constructor') continue;
        const handler = Object.getOwnPropertyDescriptor(proto, method)?.value as unknown;
        if (typeof handler !== 'function') continue;
        const type = Reflect.getMetadata(RESOLVER_TYPE_METADATA, handler) as unknown;
        if (type !== 'Query' && type !== 'Mutation' && type !== 'Subscription') continue;
        const isPublic = (Reflect.getMetadata(IS_PUBLIC, handler) ?? Reflect.getMetadata(IS_PUBLIC, metatype) ?? false) as boolean;
        const roles = (Reflect.getMetadata(ROLES, handler) ?? Reflect.getMetadata(ROLES, metatype)) as Role[] | undefined;
        const name = (Reflect.getMetadata(RESOLVER_NAME_METADATA, handler) as string | undefined) ?? method;
        operations.push({ type, name, resolver: metatype.name, method, isPublic, roles });
      }
    }
  }
  return operations.sort((a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name));
}
