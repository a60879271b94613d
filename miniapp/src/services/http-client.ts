import axios, { AxiosError } from 'axios';
import type { AxiosInstance } from 'axios';
import { CLIENT_ERROR_CODE, ERROR_CODE } from '@titletrack/shared/contract';

import { ApiError, isKnownErrorCode } from './api-error';
import { createTaroAdapter } from './taro-adapter';
import type { TaroRequest } from './taro-adapter';

export interface HttpClientOptions {
  baseURL: string;
  timeoutMs: number;
  request: TaroRequest;
  // Delays before each retry of a GET that failed transiently (weak networks).
  retryDelaysMs?: number[];
  sleep?: (ms: number) => Promise<void>;
}

export interface HttpClient {
  get<T>(path: string, params?: Record<string, string | number>): Promise<T>;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof AxiosError) {
    if (error.response) {
      const code = (error.response.data as { code?: unknown } | undefined)?.code;
      const status = error.response.status;
      if (isKnownErrorCode(code)) return new ApiError(code, status);
      return new ApiError(status >= 500 ? ERROR_CODE.INTERNAL_ERROR : ERROR_CODE.NOT_FOUND, status);
    }
    if (error.code === AxiosError.ETIMEDOUT || error.code === AxiosError.ECONNABORTED) {
      return new ApiError(CLIENT_ERROR_CODE.TIMEOUT);
    }
  }
  return new ApiError(CLIENT_ERROR_CODE.NETWORK_ERROR);
}

/**
 * The one HTTP client of the mini-app: axios over Taro.request, errors as ApiError codes, and
 * idempotent GETs retried with backoff when the failure is transient.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const instance: AxiosInstance = axios.create({
    baseURL: options.baseURL,
    timeout: options.timeoutMs,
    adapter: createTaroAdapter(options.request),
    headers: { Accept: 'application/json' },
  });
  const delays = options.retryDelaysMs ?? [500, 1500];
  const sleep = options.sleep ?? defaultSleep;

  return {
    async get<T>(path: string, params?: Record<string, string | number>): Promise<T> {
      for (let attempt = 0; ; attempt += 1) {
        try {
          const response = await instance.get<T>(path, { params });
          return response.data;
        } catch (error) {
          const apiError = toApiError(error);
          const delay = delays[attempt];
          if (!apiError.isTransient || delay === undefined) throw apiError;
          await sleep(delay);
        }
      }
    },
  };
}
