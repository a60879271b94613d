import { createHttpClient } from '../http-client';
import type { HttpClientOptions } from '../http-client';
import type { TaroRequest, TaroRequestOptions } from '../taro-adapter';

const ok = (body: unknown) => ({ statusCode: 200, data: JSON.stringify(body), header: {} });

function clientWith(
  responses: Array<() => ReturnType<TaroRequest>>,
  extra: Partial<HttpClientOptions> = {},
) {
  const sleeps: number[] = [];
  const sent: TaroRequestOptions[] = [];
  let calls = 0;
  const client = createHttpClient({
    ...extra,
    baseURL: '/api',
    timeoutMs: 1000,
    retryDelaysMs: [10, 20],
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    request: (options) => {
      sent.push(options);
      const next = responses[Math.min(calls, responses.length - 1)];
      calls += 1;
      if (!next) throw new Error('no response scripted');
      return next();
    },
  });
  return { client, sleeps, sent, calls: () => calls };
}

describe('createHttpClient', () => {
  it('should return the parsed body of a successful GET', async () => {
    const { client } = clientWith([async () => ok({ items: [] })]);
    await expect(client.get('/notices')).resolves.toEqual({ items: [] });
  });

  it('should map a server error body to its code', async () => {
    const { client, calls } = clientWith([
      async () => ({
        statusCode: 404,
        data: '{"code":"CALENDAR_NOT_FOUND","message":"x"}',
        header: {},
      }),
    ]);
    await expect(client.get('/calendars/2030')).rejects.toMatchObject({
      code: 'CALENDAR_NOT_FOUND',
      status: 404,
    });
    expect(calls()).toBe(1);
  });

  it('should retry a GET after network failures with backoff, then succeed', async () => {
    const { client, sleeps, calls } = clientWith([
      async () => Promise.reject({ errMsg: 'request:fail' }),
      async () => Promise.reject({ errMsg: 'request:fail timeout' }),
      async () => ok({ status: 'ok' }),
    ]);
    await expect(client.get('/health')).resolves.toEqual({ status: 'ok' });
    expect(sleeps).toEqual([10, 20]);
    expect(calls()).toBe(3);
  });

  it('should give up with NETWORK_ERROR when the network stays down', async () => {
    const { client, calls } = clientWith([async () => Promise.reject({ errMsg: 'request:fail' })]);
    await expect(client.get('/health')).rejects.toMatchObject({
      code: 'NETWORK_ERROR',
      status: null,
    });
    expect(calls()).toBe(3);
  });

  it('should report TIMEOUT when the last attempt timed out', async () => {
    const { client } = clientWith([async () => Promise.reject({ errMsg: 'request:fail timeout' })]);
    await expect(client.get('/health')).rejects.toMatchObject({ code: 'TIMEOUT' });
  });

  it('should answer INTERNAL_ERROR for a 5xx without a known code, after retrying', async () => {
    const { client, calls } = clientWith([
      async () => ({ statusCode: 502, data: '<html>bad gateway</html>', header: {} }),
    ]);
    await expect(client.get('/health')).rejects.toMatchObject({
      code: 'INTERNAL_ERROR',
      status: 502,
    });
    expect(calls()).toBe(3);
  });

  describe('post and delete', () => {
    it('should POST the body as JSON and return the parsed answer', async () => {
      const { client, sent } = clientWith([async () => ok({ id: 'a1' })]);
      await expect(client.post('/me/bindings', { applicationNo: 'X1' })).resolves.toEqual({
        id: 'a1',
      });
      expect(sent[0]).toMatchObject({
        url: '/api/me/bindings',
        method: 'POST',
        header: expect.objectContaining({ 'Content-Type': 'application/json' }),
      });
      expect(JSON.parse(String(sent[0]?.data))).toEqual({ applicationNo: 'X1' });
    });

    it('should resolve a DELETE answered 204 without a body', async () => {
      const { client, sent } = clientWith([
        async () => ({ statusCode: 204, data: '', header: {} }),
      ]);
      await expect(client.delete('/me/bindings/a1')).resolves.toBeUndefined();
      expect(sent[0]).toMatchObject({ url: '/api/me/bindings/a1', method: 'DELETE' });
    });

    it('should not retry a POST when the network fails, since the write may have happened', async () => {
      const { client, sleeps, calls } = clientWith([
        async () => Promise.reject({ errMsg: 'request:fail' }),
      ]);
      await expect(client.post('/auth/logout')).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
      expect(calls()).toBe(1);
      expect(sleeps).toEqual([]);
    });

    it('should not retry a DELETE answered with a 5xx', async () => {
      const { client, calls } = clientWith([
        async () => ({ statusCode: 503, data: '', header: {} }),
      ]);
      await expect(client.delete('/me/bindings/a1')).rejects.toMatchObject({
        code: 'INTERNAL_ERROR',
        status: 503,
      });
      expect(calls()).toBe(1);
    });
  });

  describe('session token', () => {
    const unauthenticated = async () => ({
      statusCode: 401,
      data: '{"code":"UNAUTHENTICATED","message":"Session expired"}',
      header: {},
    });

    it('should send the token as a Bearer header on every method', async () => {
      const { client, sent } = clientWith([async () => ok({})], { getToken: () => 'tok-1' });
      await client.get('/me');
      await client.post('/me/bindings', {});
      await client.delete('/me/bindings/a1');
      expect(sent.map((options) => options.header.Authorization)).toEqual([
        'Bearer tok-1',
        'Bearer tok-1',
        'Bearer tok-1',
      ]);
    });

    it('should send no Authorization header when there is no token', async () => {
      const { client, sent } = clientWith([async () => ok({})], { getToken: () => null });
      await client.get('/notices');
      expect(sent[0]?.header).not.toHaveProperty('Authorization');
    });

    it('should call onUnauthenticated when a GET or a POST fails with 401 UNAUTHENTICATED', async () => {
      const onUnauthenticated = jest.fn();
      const { client, calls } = clientWith([unauthenticated], {
        getToken: () => 'tok-1',
        onUnauthenticated,
      });
      await expect(client.get('/me')).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
        status: 401,
      });
      await expect(client.post('/me/bindings', {})).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
      });
      expect(onUnauthenticated).toHaveBeenCalledTimes(2);
      expect(calls()).toBe(2);
    });

    it('should not call onUnauthenticated for other refusals', async () => {
      const onUnauthenticated = jest.fn();
      const { client } = clientWith(
        [
          async () => ({
            statusCode: 401,
            data: '{"code":"INVALID_CREDENTIALS","message":"x"}',
            header: {},
          }),
          async () => ({ statusCode: 403, data: '{"code":"FORBIDDEN","message":"x"}', header: {} }),
        ],
        { getToken: () => 'tok-1', onUnauthenticated },
      );
      await expect(client.post('/auth/staff', {})).rejects.toMatchObject({
        code: 'INVALID_CREDENTIALS',
      });
      await expect(client.get('/me')).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect(onUnauthenticated).not.toHaveBeenCalled();
    });

    it('should not call onUnauthenticated when a new token was saved while the request was in flight', async () => {
      let token = 'old';
      const onUnauthenticated = jest.fn();
      const { client } = clientWith(
        [
          async () => {
            token = 'new';
            return unauthenticated();
          },
        ],
        { getToken: () => token, onUnauthenticated },
      );
      await expect(client.get('/me')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(onUnauthenticated).not.toHaveBeenCalled();
    });
  });
});
