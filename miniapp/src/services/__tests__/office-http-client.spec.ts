import { ApiError } from '../api-error';
import { createOfficeHttpClient } from '../office-http-client';
import type { OfficeUpload } from '../office-http-client';
import type { TaroRequest, TaroRequestOptions } from '../taro-adapter';

const answer = (statusCode: number, body: unknown) => ({
  statusCode,
  data: JSON.stringify(body),
  header: {},
});

function clientWith(
  respond: () => ReturnType<TaroRequest>,
  upload: OfficeUpload = async () => answer(200, {}),
) {
  const sent: TaroRequestOptions[] = [];
  let token: string | null = 'staff-token';
  let dropped = 0;
  const client = createOfficeHttpClient({
    baseURL: '/api',
    timeoutMs: 1000,
    request: (options) => {
      sent.push(options);
      return respond();
    },
    upload,
    getToken: () => token,
    onUnauthenticated: () => {
      dropped += 1;
      token = null;
    },
  });
  return { client, sent, dropped: () => dropped };
}

describe('createOfficeHttpClient', () => {
  it('sends the staff token and a PUT body', async () => {
    const { client, sent } = clientWith(async () => answer(200, { id: '1' }));
    await expect(client.put('/office/notices/1', { title: 't' })).resolves.toEqual({ id: '1' });
    expect(sent[0]).toMatchObject({ method: 'PUT', url: '/api/office/notices/1' });
    expect(sent[0]?.header.Authorization).toBe('Bearer staff-token');
  });

  it('keeps the details of a refusal (the bad rows of an import)', async () => {
    const errors = [{ rowNumber: 3, column: '身份证号', reason: 'invalid' }];
    const { client } = clientWith(async () =>
      answer(422, { code: 'IMPORT_ROWS_INVALID', message: 'x', details: { errors } }),
    );
    const failure = await client.post('/staff/imports').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({
      code: 'IMPORT_ROWS_INVALID',
      status: 422,
      details: { errors },
    });
  });

  it('ends the staff session when the server refuses its token, not on a 403', async () => {
    const refused = clientWith(async () => answer(401, { code: 'UNAUTHENTICATED' }));
    await expect(refused.client.get('/office/notices')).rejects.toMatchObject({ status: 401 });
    expect(refused.dropped()).toBe(1);
    const forbidden = clientWith(async () => answer(403, { code: 'OUT_OF_SCOPE' }));
    await expect(forbidden.client.get('/office/notices')).rejects.toMatchObject({
      code: 'OUT_OF_SCOPE',
    });
    expect(forbidden.dropped()).toBe(0);
  });

  it('reads an upload refusal the same way and reports progress', async () => {
    const percents: number[] = [];
    const { client, dropped } = clientWith(
      async () => answer(200, {}),
      async ({ onProgress, header, url }) => {
        expect(header).toEqual({ Authorization: 'Bearer staff-token' });
        expect(url).toBe('/api/office/notice-drafts/file');
        onProgress?.(50);
        onProgress?.(100);
        return { statusCode: 400, data: JSON.stringify({ code: 'NOTICE_FILE_UNSUPPORTED' }) };
      },
    );
    await expect(
      client.upload(
        '/office/notice-drafts/file',
        { path: 'blob:1', name: 'a.pdf', size: 3 },
        {},
        (p) => percents.push(p),
      ),
    ).rejects.toMatchObject({ code: 'NOTICE_FILE_UNSUPPORTED', status: 400 });
    expect(percents).toEqual([50, 100]);
    expect(dropped()).toBe(0);
  });

  it('on H5 sends the office cookie session, with its CSRF proof on writes and uploads', async () => {
    const sent: TaroRequestOptions[] = [];
    const uploads: Array<Record<string, string>> = [];
    let dropped = 0;
    const client = createOfficeHttpClient({
      baseURL: '/api',
      timeoutMs: 1000,
      request: async (options) => {
        sent.push(options);
        return answer(200, {});
      },
      upload: async ({ header }) => {
        uploads.push(header);
        return answer(401, { code: 'UNAUTHENTICATED' });
      },
      getToken: () => null,
      onUnauthenticated: () => {
        dropped += 1;
      },
      cookieSession: { transport: 'office-cookie', readCsrfToken: () => 'office-proof' },
    });
    await client.get('/office/notices');
    await client.post('/office/notices', {});
    expect(sent[0]?.header).toMatchObject({ 'X-Session-Transport': 'office-cookie' });
    expect(sent[0]?.header).not.toHaveProperty('X-CSRF-Token');
    expect(sent[0]?.header).not.toHaveProperty('Authorization');
    expect(sent[1]?.header).toMatchObject({
      'X-Session-Transport': 'office-cookie',
      'X-CSRF-Token': 'office-proof',
    });
    await expect(
      client.upload('/office/notice-drafts/file', { path: 'blob:1', name: 'a.pdf', size: 3 }, {}),
    ).rejects.toMatchObject({ status: 401 });
    expect(uploads).toEqual([
      { 'X-Session-Transport': 'office-cookie', 'X-CSRF-Token': 'office-proof' },
    ]);
    expect(dropped).toBe(1);
  });
});
