import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';

import { ERROR_CODE } from '@titletrack/shared/contract';
import type { ErrorBody } from '@titletrack/shared/contract';

import { AppException } from './app.exception';

// The body parser refuses before any handler runs, with errors of its own (`type`
// entity.too.large, entity.parse.failed, …): the client's fault, answered with a code.
function bodyParserRefusal(exception: unknown): { status: number; body: ErrorBody } | null {
  if (typeof exception !== 'object' || exception === null) return null;
  const { type, status } = exception as { type?: unknown; status?: unknown };
  if (typeof type !== 'string' || !type.startsWith('entity.') || typeof status !== 'number') {
    return null;
  }
  if (status === Number(HttpStatus.PAYLOAD_TOO_LARGE)) {
    return { status, body: { code: ERROR_CODE.BODY_TOO_LARGE, message: 'Request body too large' } };
  }
  if (status >= 400 && status < 500) {
    return {
      status,
      body: { code: ERROR_CODE.VALIDATION_FAILED, message: 'Request body unreadable' },
    };
  }
  return null;
}

// Express error middleware, registered right after the body parser: the parser's errors never
// reach Nest's filters, and later error middleware (the H5 static files') would turn any error
// under /api into a 404.
export function answerBodyParserRefusal(
  error: unknown,
  _request: Request,
  response: Response,
  next: (error?: unknown) => void,
): void {
  const refusal = bodyParserRefusal(error);
  if (!refusal) {
    next(error);
    return;
  }
  response.status(refusal.status).json(refusal.body);
}

// The one place errors become HTTP: known ones keep their code, anything else is logged once
// with its route and answered as INTERNAL_ERROR without internals.
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger(AllExceptionsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    const { status, body } = this.toResponse(exception, request);
    response.status(status).json(body);
  }

  private toResponse(exception: unknown, request: Request): { status: number; body: ErrorBody } {
    if (exception instanceof AppException) {
      const body: ErrorBody = { code: exception.code, message: exception.message };
      if (exception.details !== undefined) body.details = exception.details;
      return { status: exception.status, body };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === Number(HttpStatus.NOT_FOUND)) {
        return { status, body: { code: ERROR_CODE.NOT_FOUND, message: 'Route not found' } };
      }
      if (status < 500) {
        return {
          status,
          body: { code: ERROR_CODE.VALIDATION_FAILED, message: exception.message },
        };
      }
    }
    this.logger.error(
      { err: exception, route: `${request.method} ${request.route?.path ?? request.path}` },
      'Unhandled error',
    );
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      body: { code: ERROR_CODE.INTERNAL_ERROR, message: 'Internal error' },
    };
  }
}
