import axios, { AxiosError } from 'axios';

import { createTaroAdapter } from '../taro-adapter';
import type { TaroRequest, TaroRequestOptions } from '../taro-adapter';

function clientWith(request: TaroRequest) {
  return axios.create({ baseURL: '/api', timeout: 1000, adapter: createTaroAdapter(request) });
}

describe('createTaroAdapter', () => {
  it('should send method, full URL with params, headers and timeout to Taro.request', async () => {
    const calls: TaroRequestOptions[] = [];
    const client = clientWith(async (options) => {
      calls.push(options);
      return {
        statusCode: 200,
        data: '{"ok":true}',
        header: { 'content-type': 'application/json' },
      };
    });
    const res = await client.get('/calendars/2023', {
      params: { route: 'region' },
      headers: { 'X-Test': '1' },
    });
    expect(res.data).toEqual({ ok: true });
    expect(calls[0]).toMatchObject({
      url: '/api/calendars/2023?route=region',
      method: 'GET',
      timeout: 1000,
      dataType: 'text',
      header: expect.objectContaining({ 'X-Test': '1' }),
    });
  });

  it('should reject with the response when the status is not 2xx', async () => {
    const client = clientWith(async () => ({
      statusCode: 404,
      data: '{"code":"NOTICE_NOT_FOUND","message":"Notice not found"}',
      header: {},
    }));
    const failure = await client.get('/notices/9').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AxiosError);
    expect((failure as AxiosError).response?.status).toBe(404);
    expect((failure as AxiosError).response?.data).toEqual({
      code: 'NOTICE_NOT_FOUND',
      message: 'Notice not found',
    });
  });

  it('should turn a platform timeout into ETIMEDOUT and other failures into ERR_NETWORK', async () => {
    const timedOut = clientWith(async () => Promise.reject({ errMsg: 'request:fail timeout' }));
    await expect(timedOut.get('/health')).rejects.toMatchObject({ code: AxiosError.ETIMEDOUT });
    const offline = clientWith(async () => Promise.reject({ errMsg: 'request:fail' }));
    await expect(offline.get('/health')).rejects.toMatchObject({ code: AxiosError.ERR_NETWORK });
  });
});
