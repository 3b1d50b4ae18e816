import { Injectable, ValidationPipe, type ArgumentMetadata, type PipeTransform, type ValidationError } from '@nestjs/common';
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

// C0 controls other than tab, line feed and carriage return, DEL and the C1 controls: invisible,
// meaningless in names and texts, and U+0000 cannot be stored by PostgreSQL at all.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// A UTF-16 surrogate without its partner: not a character, refused by PostgreSQL's jsonb.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with a text argument's characters, if anything. */
export function textProblem(text: string): string | undefined {
  if (CONTROL.test(text)) return 'must not contain control characters';
  if (LONE_SURROGATE.test(text)) return 'is not valid Unicode text';
  return undefined;
}

function collectTextProblems(value: unknown, path: string, into: FieldErrors): FieldErrors {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    if (problem) into[path || 'input'] = problem;
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => collectTextProblems(item, `${path}[${i}]`, into));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) collectTextProblems(item, path ? `${path}.${key}` : key, into);
  }
  return into;
}

// GraphQL arguments (@nestjs/graphql's GqlParamtype.ARGS, not exported) and HTTP inputs; never
// the GraphQL root, context or info, nor custom decorators such as the current user.
const CHECKED = new Set<string | number>([3, 'body', 'query', 'param']);

/**
 * Every argument of every resolver: texts with control characters or broken Unicode are refused
 * with BAD_USER_INPUT naming the field (an input object's fields by their path inside it, as the
 * class validation does), then input classes are validated. The resolver never runs on either.
 */
@Injectable()
export class InputPipe implements PipeTransform {
  private readonly validation = createValidationPipe();

  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (CHECKED.has(metadata.type)) {
      const isInputObject = value !== null && typeof value === 'object' && !Array.isArray(value);
      const problems = collectTextProblems(value, isInputObject ? '' : (metadata.data ?? ''), {});
      if (Object.keys(problems).length > 0) throw new BadUserInputError(problems);
    }
    return this.validation.transform(value, metadata);
  }
}

/**
 * Validates every @Args input class; a failure becomes BAD_USER_INPUT naming each bad field, and
 * the resolver never runs, so nothing is written.
 */
function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    validateCustomDecorators: false,
    stopAtFirstError: true,
    exceptionFactory: (errors) => new BadUserInputError(fieldErrors(errors)),
  });
}
