import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';

interface ClientHttpError {
  status: number;
  expose?: boolean;
  message: string;
  type?: string;
}

function isClientHttpError(error: unknown): error is ClientHttpError {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/**
 * Errors raised before a route runs (body too large, malformed JSON) are the client's: answer with
 * their 4xx status and a GraphQL-shaped body, log a warning, never a stack trace. GraphQL
 * resolver errors pass through to Apollo's formatter untouched.
 */
@Catch()
export class HttpErrorsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return exception;
    const res = host.switchToHttp().getResponse<Response>();
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status >= 500) this.logger.error(exception.stack ?? exception.message);
      res.status(status).json({ errors: [{ message: exception.message, extensions: { code: codeFor(status) } }] });
      return undefined;
    }
    if (isClientHttpError(exception)) {
      this.logger.warn(`${exception.status} ${exception.type ?? ''} ${exception.message}`.trim());
      res.status(exception.status).json({
        errors: [
          { message: exception.expose === false ? 'Bad request' : exception.message, extensions: { code: codeFor(exception.status) } },
        ],
      });
      return undefined;
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    return undefined;
  }
}

function codeFor(status: number): string {
  switch (status) {
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 429:
      return 'TOO_MANY_REQUESTS';
    default:
      return status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST';
  }
}
