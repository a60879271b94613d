import { HttpStatus } from '@nestjs/common';
import { ERROR_CODE } from '@titletrack/shared/contract';
import type { ErrorCode } from '@titletrack/shared/contract';

const DEFAULT_STATUS: Record<ErrorCode, HttpStatus> = {
  [ERROR_CODE.VALIDATION_FAILED]: HttpStatus.BAD_REQUEST,
  [ERROR_CODE.NOT_FOUND]: HttpStatus.NOT_FOUND,
  [ERROR_CODE.NOTICE_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [ERROR_CODE.CALENDAR_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [ERROR_CODE.DATABASE_UNAVAILABLE]: HttpStatus.SERVICE_UNAVAILABLE,
  [ERROR_CODE.INTERNAL_ERROR]: HttpStatus.INTERNAL_SERVER_ERROR,
};

// `message` is for logs and developers: English, no personal data. Clients translate `code`.
export class AppException extends Error {
  readonly status: HttpStatus;
  readonly details?: unknown;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: { status?: HttpStatus; details?: unknown } = {},
  ) {
    super(message);
    this.name = 'AppException';
    this.status = options.status ?? DEFAULT_STATUS[code];
    this.details = options.details;
  }
}
