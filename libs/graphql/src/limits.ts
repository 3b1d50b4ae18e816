import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ParseOptions, ValidationRule } from 'graphql';
import { costLimitPlugin } from './cost-limit';

/** Limits every operation must respect; a document over any of them is rejected before execution. */
export const GRAPHQL_LIMITS = {
  maxDepth: 12,
  maxAliases: 15,
  maxDirectives: 10,
  maxTokens: 3_000,
  maxCost: 20_000,
};

/**
 * Depth, aliases and directives through graphql-armor; tokens counted by graphql-js's own parser
 * (a rejection is then a syntax error, 400); cost by our plugin, which multiplies lists by their
 * `first`. Suggestions ("did you mean …?") are removed in production by the error formatter, for
 * every error: graphql-armor's filter sees only validation errors and misses enum values.
 */
export function graphqlLimits(): {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
  parseOptions: ParseOptions;
} {
  const armor = new ApolloArmor({
    maxDepth: { n: GRAPHQL_LIMITS.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: GRAPHQL_LIMITS.maxAliases },
    maxDirectives: { n: GRAPHQL_LIMITS.maxDirectives },
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return {
    plugins: [...armor.plugins, costLimitPlugin(GRAPHQL_LIMITS.maxCost)],
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: GRAPHQL_LIMITS.maxTokens },
  };
}
