import { CLIENT_ERROR_CODE, ERROR_CODE } from '@titletrack/shared/contract';
import type { ClientErrorCode, ErrorCode } from '@titletrack/shared/contract';

export type ApiErrorCode = ErrorCode | ClientErrorCode;

// What every failed request becomes: a code to translate, never a server string to show.
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    readonly status: number | null = null,
    // What the server said about the refusal: an import's bad rows, the years to choose from.
    readonly details: Record<string, unknown> | null = null,
  ) {
    super(code);
    this.name = 'ApiError';
  }

  // Worth another try: the request may succeed once the network or the server recovers.
  get isTransient(): boolean {
    return (
      this.code === CLIENT_ERROR_CODE.NETWORK_ERROR ||
      this.code === CLIENT_ERROR_CODE.TIMEOUT ||
      (this.status !== null && this.status >= 500)
    );
  }
}

const KNOWN_CODES = new Set<string>(Object.values(ERROR_CODE));

export function isKnownErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && KNOWN_CODES.has(code);
}
