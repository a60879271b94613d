import type { ApiError } from './api-error';
import {
  createHttpClient,
  refusalOf,
  parseBody,
  sessionHeaders,
  sessionIdentity,
  toApiError,
} from './http-client';
import type { HttpClient, HttpClientOptions } from './http-client';

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
  // The session's headers (Bearer token, or the cookie session's name and CSRF proof).
  header: Record<string, string>;
  onProgress?: (percent: number) => void;
}

export type OfficeUpload = (
  options: OfficeUploadOptions,
) => Promise<{ statusCode: number; data: unknown }>;

export interface OfficeHttpClientOptions extends HttpClientOptions {
  upload: OfficeUpload;
  getToken: () => string | null;
  onUnauthenticated: () => void;
}

export interface OfficeHttpClient extends HttpClient {
  upload<T>(
    path: string,
    file: PickedFile,
    fields: Record<string, string>,
    onProgress?: (percent: number) => void,
  ): Promise<T>;
}

// The console's client: the applicant app's client (errors as codes with their details, GETs
// retried on weak networks, writes never retried: the office must see that a publish failed
// rather than publish twice) over the staff session, plus file uploads through Taro.uploadFile.
export function createOfficeHttpClient(options: OfficeHttpClientOptions): OfficeHttpClient {
  const client = createHttpClient(options);
  return {
    ...client,
    async upload<T>(
      path: string,
      file: PickedFile,
      fields: Record<string, string>,
      onProgress?: (percent: number) => void,
    ): Promise<T> {
      const sentWith = sessionIdentity(options);
      let result: { statusCode: number; data: unknown };
      try {
        result = await options.upload({
          url: `${options.baseURL}${path}`,
          file,
          fields,
          header: sessionHeaders(options, 'post'),
          onProgress,
        });
      } catch (error) {
        throw toApiError(error);
      }
      if (result.statusCode >= 200 && result.statusCode < 300) return parseBody(result.data) as T;
      const refusal: ApiError = refusalOf(result.statusCode, result.data);
      if (refusal.status === 401 && sessionIdentity(options) === sentWith) {
        options.onUnauthenticated();
      }
      throw refusal;
    },
  };
}
