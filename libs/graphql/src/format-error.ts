import { HttpException, HttpStatus, Logger } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { AppError, type ErrorCode } from './errors';

const logger = new Logger('GraphQL');

const HTTP_CODES: Partial<Record<number, ErrorCode>> = {
  [HttpStatus.BAD_REQUEST]: 'BAD_USER_INPUT',
  [HttpStatus.UNAUTHORIZED]: 'UNAUTHENTICATED',
  [HttpStatus.FORBIDDEN]: 'FORBIDDEN',
  [HttpStatus.NOT_FOUND]: 'NOT_FOUND',
  [HttpStatus.CONFLICT]: 'CONFLICT',
  [HttpStatus.TOO_MANY_REQUESTS]: 'TOO_MANY_REQUESTS',
};

/**
 * graphql-js ends a message with its suggestions (`Did you mean "slug"?`, `Did you mean the enum
 * value "SEMINAR"?`, for fields, arguments, types, input fields and enum values alike), raised by
 * validation or by variable coercion.
 */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

function withoutSuggestions(message: string): string {
  return message.replace(SUGGESTION, '');
}

/**
 * Shapes every error a client sees: a stable `extensions.code`, the fields at fault, and never a
 * stack trace or SQL text; unexpected errors are logged in full and reported as a plain message.
 * With `hideSuggestions` (production) no message names a field, type or enum value the client did
 * not write: those would map the schema for an attacker while introspection is closed. This is the
 * one place every error passes, whichever phase raised it.
 */
export function createErrorFormatter(options: { exposeUnexpected: boolean; hideSuggestions: boolean }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const message = options.hideSuggestions ? withoutSuggestions(formatted.message) : formatted.message;
    const base = { message, locations: formatted.locations, path: formatted.path };

    if (original instanceof AppError) {
      return { ...base, message: original.message, extensions: { code: original.code, ...original.extensions } };
    }
    if (original instanceof HttpException) {
      const code = HTTP_CODES[original.getStatus()];
      if (code) return { ...base, message: original.message, extensions: { code } };
    }
    // Errors GraphQL itself raised (parse, validation, variable coercion) are the client's to fix.
    if (
      original instanceof GraphQLError ||
      original === undefined ||
      formatted.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' ||
      formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' ||
      formatted.extensions?.code === 'BAD_USER_INPUT'
    ) {
      const code = formatted.extensions?.code ?? 'BAD_USER_INPUT';
      if (code !== 'INTERNAL_SERVER_ERROR') return { ...base, extensions: { code } };
    }
    logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
    return {
      ...base,
      message: options.exposeUnexpected && original instanceof Error ? original.message : 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
