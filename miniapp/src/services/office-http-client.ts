import axios, { AxiosError } from 'axios';
import type { AxiosInstance, Method } from 'axios';

import { ERROR_CODE } from '@titletrack/shared/contract';

import { ApiError, isKnownErrorCode } from './api-error';
import type { ApiErrorCode } from './api-error';
import { toApiError } from './http-client';
import { createTaroAdapter } from './taro-adapter';
import type { TaroRequest } from './taro-adapter';

// A refusal with what the server said about it: an import's bad rows, the years to choose from.
export class OfficeApiError extends ApiError {
  constructor(
    code: ApiErrorCode,
    status: number | null,
    readonly details: Record<string, unknown> | null,
  ) {
    super(code, status);
    this.name = 'OfficeApiError';
  }
}

// A file as both platforms hand it over: an object URL on H5, a temporary path on weapp.
export interface PickedFile {
  path: string;
  name: string;
  size: number;
}

export interface OfficeUploadOptions {
  url: string;
  file: PickedFile;
  fields: Record<string, string>;
  token: string | null;
  onProgress?: (percent: number) => void;
}

export type OfficeUpload = (
  options: OfficeUploadOptions,
) => Promise<{ statusCode: number; data: unknown }>;

export interface OfficeHttpClientOptions {
  baseURL: string;
  timeoutMs: number;
  request: TaroRequest;
  upload: OfficeUpload;
  getToken: () => string | null;
  onUnauthenticated: () => void;
}

export interface OfficeHttpClient {
  get<T>(path: string, params?: Record<string, string | number | undefined>): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
  upload<T>(
    path: string,
    file: PickedFile,
    fields: Record<string, string>,
    onProgress?: (percent: number) => void,
  ): Promise<T>;
}

const detailsOf = (body: unknown): Record<string, unknown> | null => {
  const details = (body as { details?: unknown } | null | undefined)?.details;
  return details && typeof details === 'object' ? (details as Record<string, unknown>) : null;
};

const parseBody = (data: unknown): unknown => {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return data;
  }
};

// The answer of a refused request as an error the console can show and act on.
export function toOfficeApiError(error: unknown): OfficeApiError {
  if (error instanceof OfficeApiError) return error;
  const apiError = toApiError(error);
  const body = error instanceof AxiosError ? parseBody(error.response?.data) : null;
  return new OfficeApiError(apiError.code, apiError.status, detailsOf(body));
}

export function refusalOf(statusCode: number, data: unknown): OfficeApiError {
  const body = parseBody(data);
  const code = (body as { code?: unknown } | null)?.code;
  const known = isKnownErrorCode(code)
    ? code
    : statusCode >= 500
      ? ERROR_CODE.INTERNAL_ERROR
      : ERROR_CODE.NOT_FOUND;
  return new OfficeApiError(known, statusCode, detailsOf(body));
}

// The console's client: the staff token (never the applicant's) as a Bearer header, errors as
// codes with their details, and a refused token ending the staff session. Writes are never
// retried: the office must see that a publish failed rather than publish twice.
export function createOfficeHttpClient(options: OfficeHttpClientOptions): OfficeHttpClient {
  const instance: AxiosInstance = axios.create({
    baseURL: options.baseURL,
    timeout: options.timeoutMs,
    adapter: createTaroAdapter(options.request),
    headers: { Accept: 'application/json' },
  });

  const dropIfRefused = (error: OfficeApiError, token: string | null): void => {
    if (
      error.status === 401 &&
      error.code === ERROR_CODE.UNAUTHENTICATED &&
      options.getToken() === token
    ) {
      options.onUnauthenticated();
    }
  };

  async function send<T>(
    method: Method,
    path: string,
    extra: { params?: Record<string, string | number | undefined>; data?: unknown },
  ): Promise<T> {
    const token = options.getToken();
    try {
      const response = await instance.request<T>({
        method,
        url: path,
        ...extra,
        headers: token ? { Authorization: `Bearer ${token}` } : {},
      });
      return response.data;
    } catch (error) {
      const officeError = toOfficeApiError(error);
      dropIfRefused(officeError, token);
      throw officeError;
    }
  }

  return {
    get: (path, params) => {
      const defined = params
        ? Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined))
        : undefined;
      return send('get', path, { params: defined });
    },
    post: (path, body) => send('post', path, { data: body }),
    put: (path, body) => send('put', path, { data: body }),
    async upload<T>(
      path: string,
      file: PickedFile,
      fields: Record<string, string>,
      onProgress?: (percent: number) => void,
    ): Promise<T> {
      const token = options.getToken();
      let result: { statusCode: number; data: unknown };
      try {
        result = await options.upload({
          url: `${options.baseURL}${path}`,
          file,
          fields,
          token,
          onProgress,
        });
      } catch (error) {
        throw toOfficeApiError(error);
      }
      if (result.statusCode >= 200 && result.statusCode < 300) return parseBody(result.data) as T;
      const refusal = refusalOf(result.statusCode, result.data);
      dropIfRefused(refusal, token);
      throw refusal;
    },
  };
}
