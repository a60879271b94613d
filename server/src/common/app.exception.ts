import { HttpStatus } from '@nestjs/common';

import { ERROR_CODE } from '@titletrack/shared/contract';
import type { ErrorCode } from '@titletrack/shared/contract';

const DEFAULT_STATUS: Record<ErrorCode, HttpStatus> = {
  [ERROR_CODE.VALIDATION_FAILED]: HttpStatus.BAD_REQUEST,
  [ERROR_CODE.NOT_FOUND]: HttpStatus.NOT_FOUND,
  [ERROR_CODE.NOTICE_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [ERROR_CODE.CALENDAR_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [ERROR_CODE.DATABASE_UNAVAILABLE]: HttpStatus.SERVICE_UNAVAILABLE,
  [ERROR_CODE.UNAUTHENTICATED]: HttpStatus.UNAUTHORIZED,
  [ERROR_CODE.FORBIDDEN]: HttpStatus.FORBIDDEN,
  [ERROR_CODE.INVALID_CREDENTIALS]: HttpStatus.UNAUTHORIZED,
  [ERROR_CODE.DEV_LOGIN_DISABLED]: HttpStatus.FORBIDDEN,
  [ERROR_CODE.WECHAT_NOT_CONFIGURED]: HttpStatus.SERVICE_UNAVAILABLE,
  [ERROR_CODE.WECHAT_CODE_INVALID]: HttpStatus.BAD_REQUEST,
  [ERROR_CODE.WECHAT_RATE_LIMITED]: HttpStatus.TOO_MANY_REQUESTS,
  [ERROR_CODE.WECHAT_RISKY_USER]: HttpStatus.FORBIDDEN,
  [ERROR_CODE.WECHAT_UNAVAILABLE]: HttpStatus.SERVICE_UNAVAILABLE,
  [ERROR_CODE.ID_CARD_INVALID]: HttpStatus.BAD_REQUEST,
  [ERROR_CODE.BINDING_NOT_MATCHED]: HttpStatus.NOT_FOUND,
  [ERROR_CODE.APPLICATION_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [ERROR_CODE.RATE_LIMITED]: HttpStatus.TOO_MANY_REQUESTS,
  [ERROR_CODE.USERNAME_TAKEN]: HttpStatus.CONFLICT,
  [ERROR_CODE.FILE_REQUIRED]: HttpStatus.BAD_REQUEST,
  [ERROR_CODE.IMPORT_FILE_REJECTED]: HttpStatus.BAD_REQUEST,
  [ERROR_CODE.IMPORT_ROWS_INVALID]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ERROR_CODE.WEBHOOK_NOT_CONFIGURED]: HttpStatus.SERVICE_UNAVAILABLE,
  [ERROR_CODE.WEBHOOK_SIGNATURE_INVALID]: HttpStatus.UNAUTHORIZED,
  [ERROR_CODE.CERTIFICATE_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [ERROR_CODE.SHARE_LINK_REFUSED]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ERROR_CODE.SHARE_LINK_NOT_FOUND]: HttpStatus.NOT_FOUND,
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
