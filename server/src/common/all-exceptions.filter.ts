import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { ERROR_CODE } from '@titletrack/shared/contract';
import type { ErrorBody } from '@titletrack/shared/contract';

import { AppException } from './app.exception';
import { logSafeError, unmatchedRoute } from './request-log';

// The client's fault as HTTP states it: Nest's HttpExceptions, and Fastify's own refusals (body
// limits, unreadable JSON, unsupported media types, multipart limits), which carry a status.
function clientErrorStatus(exception: unknown): number | null {
  const status =
    exception instanceof HttpException
      ? exception.getStatus()
      : exception instanceof Error && exception.name === 'FastifyError'
        ? (exception as Error & { statusCode?: unknown }).statusCode
        : null;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : null;
}

// The one place errors become HTTP: known ones keep their code, anything else is logged once
// with its route and answered as INTERNAL_ERROR without internals.
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger(AllExceptionsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const { status, body } = this.toResponse(exception, request);
    // A handler may have declared another type (text/plain, text/calendar) before it failed.
    void reply.status(status).type('application/json; charset=utf-8').send(body);
  }

  private toResponse(
    exception: unknown,
    request: FastifyRequest,
  ): { status: number; body: ErrorBody } {
    if (exception instanceof AppException) {
      const body: ErrorBody = { code: exception.code, message: exception.message };
      if (exception.details !== undefined) body.details = exception.details;
      return { status: exception.status, body };
    }
    const status = clientErrorStatus(exception);
    if (status === Number(HttpStatus.NOT_FOUND)) {
      return { status, body: { code: ERROR_CODE.NOT_FOUND, message: 'Route not found' } };
    }
    if (status === Number(HttpStatus.PAYLOAD_TOO_LARGE)) {
      return {
        status,
        body: { code: ERROR_CODE.BODY_TOO_LARGE, message: 'Request body too large' },
      };
    }
    if (status !== null) {
      const message = exception instanceof Error ? exception.message : 'Bad request';
      return { status, body: { code: ERROR_CODE.VALIDATION_FAILED, message } };
    }
    this.logger.error(
      {
        // Never the error object itself: a failed query's parameters and driver SQL carry
        // personal data (see logSafeError). Not under pino's `err` key either, whose serializer
        // would rewrite the safe copy's type as "Object".
        error: logSafeError(exception),
        route: `${request.method} ${request.routeOptions.url ?? unmatchedRoute(request.url)}`,
      },
      'Unhandled error',
    );
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      body: { code: ERROR_CODE.INTERNAL_ERROR, message: 'Internal error' },
    };
  }
}
