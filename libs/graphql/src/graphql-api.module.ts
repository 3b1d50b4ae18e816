import { join } from 'node:path';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { APP_CONFIG, type AppConfig } from '@mangfold/config';
import { createGqlContext } from './context';
import { createErrorFormatter } from './format-error';
import { graphqlLimits } from './limits';
import { InputPipe } from './validation';

/** Where the committed schema lives; a test fails when the code and this file drift apart. */
export const SCHEMA_FILE = join(process.cwd(), 'apps', 'api', 'schema.gql');

/**
 * No response is cacheable (answers depend on who asks and may carry personal data), so Apollo's
 * cache-control plugin, which wraps every field's resolver to collect hints, is replaced by this.
 */
const noStore: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        response.http.headers.set('cache-control', 'no-store');
      },
    };
  },
};

/** GraphQL at /graphql, code-first, with Mangfold's errors and per-request loaders. */
@Module({})
export class GraphqlApiModule {
  static forRoot(): DynamicModule {
    return {
      module: GraphqlApiModule,
      imports: [
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => {
            const limits = graphqlLimits();
            return {
              ...limits,
              plugins: [...limits.plugins, ApolloServerPluginCacheControlDisabled(), noStore],
              path: '/graphql',
              // Built in memory: containers are read-only; `npm run schema:generate` writes SCHEMA_FILE.
              autoSchemaFile: true,
              sortSchema: true,
              playground: false,
              // On everywhere; in production the IntrospectionGate of @mangfold/auth admits admins only.
              introspection: true,
              allowBatchedHttpRequests: false,
              csrfPrevention: true,
              includeStacktraceInErrorResponses: false,
              context: createGqlContext,
              formatError: createErrorFormatter({
                exposeUnexpected: config.env === 'development',
                hideSuggestions: config.env === 'production',
              }),
              buildSchemaOptions: { numberScalarMode: 'integer' },
            };
          },
        }),
      ],
      providers: [{ provide: APP_PIPE, useClass: InputPipe }],
    };
  }
}
