import { IntrinsicException } from '@nestjs/common';

/**
 * Errors a client can act on, each with the GraphQL `extensions.code` (and HTTP status) it is
 * reported with. They live here, below every lib that throws them, so that MikroORM's
 * `findOneOrFail` throws the same NotFoundError the services do.
 */
export type ErrorCode =
  'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'TOO_MANY_REQUESTS' | 'INTERNAL_SERVER_ERROR';

// Intrinsic: Nest's exception handler does not log these as server errors; they are the client's to fix.
export abstract class AppError extends IntrinsicException {
  abstract readonly code: ErrorCode;
  constructor(
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Field path (e.g. "input.location.latitude" → "location.latitude") to what is wrong with it. */
export type FieldErrors = Record<string, string>;

export class BadUserInputError extends AppError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly fields: FieldErrors,
    message = `Invalid input: ${Object.keys(fields).join(', ')}`,
  ) {
    super(message, { fields });
  }

  /** One bad field. */
  static field(field: string, problem: string): BadUserInputError {
    return new BadUserInputError({ [field]: problem });
  }
}

export class UnauthenticatedError extends AppError {
  readonly code = 'UNAUTHENTICATED';
  constructor(message = 'You must be logged in') {
    super(message);
  }
}

export class ForbiddenError extends AppError {
  readonly code = 'FORBIDDEN';
  constructor(message = 'You are not allowed to do this') {
    super(message);
  }
}

export class NotFoundError extends AppError {
  readonly code = 'NOT_FOUND';
  constructor(what = 'The requested item') {
    super(`${what} was not found`);
  }
}

export class ConflictError extends AppError {
  readonly code = 'CONFLICT';
}

export class TooManyRequestsError extends AppError {
  readonly code = 'TOO_MANY_REQUESTS';
  constructor(
    readonly retryAfterSeconds: number,
    message = `Too many attempts; try again in ${retryAfterSeconds} seconds`,
  ) {
    super(message, { retryAfter: retryAfterSeconds });
  }
}
