// Every code the API can answer with. The mini-app translates codes; it never shows a server string.
export const ERROR_CODE = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  NOT_FOUND: 'NOT_FOUND',
  NOTICE_NOT_FOUND: 'NOTICE_NOT_FOUND',
  CALENDAR_NOT_FOUND: 'CALENDAR_NOT_FOUND',
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  DEV_LOGIN_DISABLED: 'DEV_LOGIN_DISABLED',
  WECHAT_NOT_CONFIGURED: 'WECHAT_NOT_CONFIGURED',
  WECHAT_CODE_INVALID: 'WECHAT_CODE_INVALID',
  WECHAT_RATE_LIMITED: 'WECHAT_RATE_LIMITED',
  WECHAT_RISKY_USER: 'WECHAT_RISKY_USER',
  WECHAT_UNAVAILABLE: 'WECHAT_UNAVAILABLE',
  INTERNAL_ERROR: 'INTERNAL_ERROR',
} as const;

export type ErrorCode = (typeof ERROR_CODE)[keyof typeof ERROR_CODE];

// Client-side codes: failures that never reached the server's error filter.
export const CLIENT_ERROR_CODE = {
  NETWORK_ERROR: 'NETWORK_ERROR',
  TIMEOUT: 'TIMEOUT',
} as const;

export type ClientErrorCode = (typeof CLIENT_ERROR_CODE)[keyof typeof CLIENT_ERROR_CODE];

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}
