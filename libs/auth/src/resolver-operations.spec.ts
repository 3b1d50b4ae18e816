import { ModulesContainer } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { Mutation, Query, Resolver } from '@nestjs/graphql';
import { Public, Roles } from './decorators';
import { resolverOperations } from './resolver-operations';
import { Role } from './user.entity';

@Resolver()
class SampleResolver {
  @Public()
  @Query(() => String)
  open(): string {
    return 'open';
  }

  @Mutation(() => String)
  guarded(): string {
    return 'guarded';
  }

  @Public()
  @Mutation(() => String, { name: 'renamedOpenMutation' })
  openMutation(): string {
    return 'open';
  }

  @Roles(Role.ADMIN)
  @Mutation(() => String)
  adminOnly(): string {
    return 'admin';
  }

  helper(): string {
    return 'not an operation';
  }
}

@Public()
@Resolver()
class PublicClassResolver {
  @Mutation(() => String)
  inheritsPublic(): string {
    return 'open';
  }
}

describe('resolverOperations', () => {
  it('finds every root operation with its guard settings, method- or class-level', async () => {
    const moduleRef = await Test.createTestingModule({ providers: [SampleResolver, PublicClassResolver] }).compile();
    const ops = resolverOperations(moduleRef.get(ModulesContainer));
    expect(ops.map(({ type, name, isPublic, roles }) => ({ type, name, isPublic, roles }))).toEqual([
      { type: 'Mutation', name: 'adminOnly', isPublic: false, roles: [Role.ADMIN] },
      { type: 'Mutation', name: 'guarded', isPublic: false, roles: undefined },
      { type: 'Mutation', name: 'inheritsPublic', isPublic: true, roles: undefined },
      { type: 'Mutation', name: 'renamedOpenMutation', isPublic: true, roles: undefined },
      { type: 'Query', name: 'open', isPublic: true, roles: undefined },
    ]);
    await moduleRef.close();
  });
});
