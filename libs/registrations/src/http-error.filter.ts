import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { NotFoundError as DbNotFoundError } from '@mangfold/db';
import { AppError, type ErrorCode } from '@mangfold/graphql';

const STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: HttpStatus.BAD_REQUEST,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  CONFLICT: HttpStatus.CONFLICT,
  TOO_MANY_REQUESTS: HttpStatus.TOO_MANY_REQUESTS,
  INTERNAL_SERVER_ERROR: HttpStatus.INTERNAL_SERVER_ERROR,
};

/**
 * The errors of @mangfold/graphql on plain HTTP routes: the status code that matches their
 * GraphQL code and a JSON body `{ code, message }`; anything unexpected is logged and answered 500.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  catch(error: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    let status: number = HttpStatus.INTERNAL_SERVER_ERROR;
    let code: ErrorCode = 'INTERNAL_SERVER_ERROR';
    let message = 'Internal server error';
    if (error instanceof AppError) {
      code = error.code;
      status = STATUS[code];
      message = error.message;
      if (error.code === 'TOO_MANY_REQUESTS' && typeof error.extensions.retryAfter === 'number') {
        res.setHeader('Retry-After', String(error.extensions.retryAfter));
      }
    } else if (error instanceof DbNotFoundError) {
      code = 'NOT_FOUND';
      status = HttpStatus.NOT_FOUND;
      message = error.message;
    } else if (error instanceof HttpException) {
      status = error.getStatus();
      code = (Object.entries(STATUS).find(([, s]) => s === status)?.[0] as ErrorCode | undefined) ?? 'INTERNAL_SERVER_ERROR';
      message = error.message;
    } else {
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
    if (res.headersSent) {
      res.end();
      return;
    }
    res.status(status).setHeader('Cache-Control', 'no-store').json({ code, message });
  }
}
