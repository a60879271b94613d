import axios, { AxiosError, AxiosHeaders } from 'axios';
import type { AxiosAdapter, AxiosResponse, InternalAxiosRequestConfig } from 'axios';

// The slice of Taro.request this adapter needs; injected so it can be tested without Taro.
export interface TaroRequestOptions {
  url: string;
  method: string;
  data?: unknown;
  header: Record<string, string>;
  timeout?: number;
  dataType: string;
  responseType: 'text';
}
export interface TaroRequestResult {
  statusCode: number;
  data: unknown;
  header: Record<string, string>;
}
export type TaroRequest = (options: TaroRequestOptions) => Promise<TaroRequestResult>;

/**
 * An axios adapter over Taro.request, so the same axios code runs in WeChat (wx.request) and H5.
 * The body is requested as text; axios's own transformResponse parses it after the adapter, the
 * same way on both platforms. Like axios's own adapters, this one settles by validateStatus.
 */
export function createTaroAdapter(request: TaroRequest): AxiosAdapter {
  return async (config: InternalAxiosRequestConfig): Promise<AxiosResponse> => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(AxiosHeaders.from(config.headers).toJSON())) {
      if (value !== undefined && value !== null) headers[name] = String(value);
    }
    let result: TaroRequestResult;
    try {
      result = await request({
        url: axios.getUri(config),
        method: (config.method ?? 'get').toUpperCase(),
        data: config.data,
        header: headers,
        timeout: config.timeout,
        // Anything but "json": the platform hands back the raw text and axios parses it.
        dataType: 'text',
        responseType: 'text',
      });
    } catch (error) {
      const message = String(
        (error as { errMsg?: string })?.errMsg ?? (error as Error)?.message ?? error,
      );
      const code = /time ?out/i.test(message) ? AxiosError.ETIMEDOUT : AxiosError.ERR_NETWORK;
      throw new AxiosError(message, code, config);
    }
    const response: AxiosResponse = {
      data: result.data,
      status: result.statusCode,
      statusText: '',
      headers: AxiosHeaders.from(result.header),
      config,
      request: null,
    };
    const validate = config.validateStatus;
    if (!validate || validate(response.status)) return response;
    throw new AxiosError(
      `Request failed with status code ${response.status}`,
      response.status >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST,
      config,
      null,
      response,
    );
  };
}
