import { createHttpClient } from '../http-client';
import type { TaroRequest } from '../taro-adapter';

const ok = (body: unknown) => ({ statusCode: 200, data: JSON.stringify(body), header: {} });

function clientWith(responses: Array<() => ReturnType<TaroRequest>>) {
  const sleeps: number[] = [];
  let calls = 0;
  const client = createHttpClient({
    baseURL: '/api',
    timeoutMs: 1000,
    retryDelaysMs: [10, 20],
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    request: () => {
      const next = responses[Math.min(calls, responses.length - 1)];
      calls += 1;
      if (!next) throw new Error('no response scripted');
      return next();
    },
  });
  return { client, sleeps, calls: () => calls };
}

describe('createHttpClient', () => {
  it('should return the parsed body of a successful GET', async () => {
    const { client } = clientWith([async () => ok({ items: [] })]);
    await expect(client.get('/notices')).resolves.toEqual({ items: [] });
  });

  it('should map a server error body to its code', async () => {
    const { client, calls } = clientWith([
      async () => ({ statusCode: 404, data: '{"code":"CALENDAR_NOT_FOUND","message":"x"}', header: {} }),
    ]);
    await expect(client.get('/calendars/2030')).rejects.toMatchObject({ code: 'CALENDAR_NOT_FOUND', status: 404 });
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
    await expect(client.get('/health')).rejects.toMatchObject({ code: 'NETWORK_ERROR', status: null });
    expect(calls()).toBe(3);
  });

  it('should report TIMEOUT when the last attempt timed out', async () => {
    const { client } = clientWith([async () => Promise.reject({ errMsg: 'request:fail timeout' })]);
    await expect(client.get('/health')).rejects.toMatchObject({ code: 'TIMEOUT' });
  });

  it('should answer INTERNAL_ERROR for a 5xx without a known code, after retrying', async () => {
    const { client, calls } = clientWith([async () => ({ statusCode: 502, data: '<html>bad gateway</html>', header: {} })]);
    await expect(client.get('/health')).rejects.toMatchObject({ code: 'INTERNAL_ERROR', status: 502 });
    expect(calls()).toBe(3);
  });
});
