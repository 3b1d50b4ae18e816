import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { BadUserInputError, type FieldErrors } from './errors';

function collect(errors: ValidationError[], prefix: string, into: FieldErrors): FieldErrors {
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) into[path] = Object.values(error.constraints)[0];
    if (error.children?.length) collect(error.children, path, into);
  }
  return into;
}

/** Flattens class-validator errors into `{ "location.latitude": "must not be greater than 90" }`. */
export function fieldErrors(errors: ValidationError[]): FieldErrors {
  return collect(errors, '', {});
}

/**
 * Validates every @Args input class; a failure becomes BAD_USER_INPUT naming each bad field, and
 * the resolver never runs, so nothing is written.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    validateCustomDecorators: false,
    stopAtFirstError: true,
    exceptionFactory: (errors) => new BadUserInputError(fieldErrors(errors)),
  });
}
