import { Plugin } from '@nestjs/apollo';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { GraphQLError, Kind, visit, BREAK, type DocumentNode } from 'graphql';
import type { Request } from 'express';
import { InjectConfig, type AppConfig } from '@mangfold/config';
import { TokenService } from './token.service';
import { Role } from './user.entity';

function asksForSchema(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.kind === Kind.NAME && (node.name.value === '__schema' || node.name.value === '__type')) {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * In production the schema is not open to the world: introspection answers only admins, so the
 * self-hosted IDE keeps working for TFI while anonymous callers cannot map the API.
 */
@Plugin()
export class IntrospectionGate implements ApolloServerPlugin<{ req: Request }> {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly tokens: TokenService,
  ) {}

  async requestDidStart(): Promise<GraphQLRequestListener<{ req: Request }> | void> {
    if (this.config.env !== 'production') return;
    return {
      didResolveOperation: async ({ document, contextValue }) => {
        if (!asksForSchema(document)) return;
        const header = contextValue.req.headers.authorization;
        const token = typeof header === 'string' ? header.replace(/^Bearer\s+/i, '').trim() : '';
        const user = token ? await this.tokens.verify(token) : undefined;
        if (user?.role !== Role.ADMIN) {
          throw new GraphQLError('Introspection is available to administrators only', {
            extensions: { code: 'FORBIDDEN', http: { status: 403 } },
          });
        }
      },
    };
  }
}
