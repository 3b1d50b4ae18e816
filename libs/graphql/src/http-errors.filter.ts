import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { AppError, type ErrorCode } from './errors';

const STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: HttpStatus.BAD_REQUEST,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  CONFLICT: HttpStatus.CONFLICT,
  TOO_MANY_REQUESTS: HttpStatus.TOO_MANY_REQUESTS,
  INTERNAL_SERVER_ERROR: HttpStatus.INTERNAL_SERVER_ERROR,
};

/** Errors raised before a route runs (body too large, malformed JSON) carry a 4xx status of their own. */
function clientStatus(error: unknown): { status: number; expose: boolean; message: string } | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  return { status, expose: (error as { expose?: boolean }).expose !== false, message: (error as Error).message };
}

function codeFor(status: number): string {
  const known = Object.entries(STATUS).find(([, s]) => s === status)?.[0];
  if (known) return known;
  if (status === HttpStatus.PAYLOAD_TOO_LARGE) return 'PAYLOAD_TOO_LARGE';
  return status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST';
}

/**
 * Every error on a plain HTTP route (CSV exports, reports, pages, the guard's 401/403): the status
 * its code means and a GraphQL-shaped body `{ errors: [{ message, extensions: { code } }] }`, never
 * a stack trace. Client errors are warnings in the log; only the unexpected is logged as an error.
 * GraphQL resolver errors pass through untouched to Apollo's formatter.
 */
@Catch()
export class HttpErrorsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return exception;
    const res = host.switchToHttp().getResponse<Response>();
    let status: number = HttpStatus.INTERNAL_SERVER_ERROR;
    let message = 'Internal server error';
    let extensions: Record<string, unknown> = {};
    const client = clientStatus(exception);
    if (exception instanceof AppError) {
      status = STATUS[exception.code];
      message = exception.message;
      extensions = exception.extensions;
      if (typeof extensions.retryAfter === 'number') res.setHeader('Retry-After', String(extensions.retryAfter));
    } else if (exception instanceof HttpException) {
      status = exception.getStatus();
      message = exception.message;
    } else if (client) {
      status = client.status;
      message = client.expose ? client.message : 'Bad request';
      this.logger.warn(`${status} ${message}`);
    }
    if (status >= 500) this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    if (status === HttpStatus.UNAUTHORIZED) res.setHeader('WWW-Authenticate', 'Bearer');
    if (res.headersSent) return undefined;
    res.status(status).json({
      errors: [{ message: status >= 500 ? 'Internal server error' : message, extensions: { code: codeFor(status), ...extensions } }],
    });
    return undefined;
  }
}
