import { Logger } from '@nestjs/common';

import {
  newWechatAccessTokenRepositoryMock,
  newWechatHttpMock,
} from '../../../test/mocks/wechat.mock';
import { WechatAccessTokenStore, WechatTokenError } from './access-token.store';
import type { WechatAccessTokenRepository } from './wechat-access-token.repository';
import { WechatTransportError } from './wechat-api.http';
import type { WechatHttp } from './wechat-api.http';
import type { WechatAccessTokenEntity } from './wechat.entities';

const APP_ID = 'wx0000000000000001';
const SECRET = 'secret';
const NOW = new Date('2030-01-01T00:00:00Z');

const answer = (data: unknown, status = 200) => ({ status, data: JSON.stringify(data) });
const stored = (token: string, expiresAt: string): WechatAccessTokenEntity => ({
  appId: APP_ID,
  token,
  expiresAt: new Date(expiresAt),
  updatedAt: NOW,
});

describe(WechatAccessTokenStore.name, () => {
  let sut: WechatAccessTokenStore;
  let tokens: jest.Mocked<WechatAccessTokenRepository>;
  let http: jest.Mocked<WechatHttp>;

  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    tokens = newWechatAccessTokenRepositoryMock();
    http = newWechatHttpMock();
    tokens.getByAppId.mockResolvedValue(null);
    tokens.upsert.mockResolvedValue(undefined);
    sut = new WechatAccessTokenStore(tokens, http, APP_ID, SECRET);
  });

  afterEach(() => jest.restoreAllMocks());

  describe('get', () => {
    it('asks stable_token when none is stored, and stores the answer for every instance, in whole seconds', async () => {
      http.post.mockResolvedValue(answer({ access_token: 'token-1', expires_in: 7200.5 }));

      await expect(sut.get(NOW)).resolves.toBe('token-1');

      expect(http.post).toHaveBeenCalledWith('/cgi-bin/stable_token', {
        grant_type: 'client_credential',
        appid: APP_ID,
        secret: SECRET,
        force_refresh: false,
      });
      expect(tokens.upsert).toHaveBeenCalledWith({
        appId: APP_ID,
        token: 'token-1',
        expiresAt: new Date('2030-01-01T02:00:00Z'),
      });
    });

    it('uses a stored token until 5 minutes before it expires, then from memory, and writes nothing', async () => {
      tokens.getByAppId.mockResolvedValue(stored('token-stored', '2030-01-01T02:00:00Z'));

      await expect(sut.get(NOW)).resolves.toBe('token-stored');
      await expect(sut.get(new Date('2030-01-01T01:54:59Z'))).resolves.toBe('token-stored');

      expect(tokens.getByAppId).toHaveBeenCalledTimes(1);
      expect(http.post).not.toHaveBeenCalled();
      expect(tokens.upsert).not.toHaveBeenCalled();
    });

    it('refreshes a stored token that expires within 5 minutes', async () => {
      tokens.getByAppId.mockResolvedValue(stored('token-old', '2030-01-01T00:04:59Z'));
      http.post.mockResolvedValue(answer({ access_token: 'token-new', expires_in: 7200 }));

      await expect(sut.get(NOW)).resolves.toBe('token-new');
      expect(tokens.upsert).toHaveBeenCalledTimes(1);
    });

    it('fails with WeChat’s errcode, and stores nothing, when stable_token refuses', async () => {
      http.post.mockResolvedValue(answer({ errcode: 40013, errmsg: 'invalid appid' }));

      await expect(sut.get(NOW)).rejects.toMatchObject({
        name: 'WechatTokenError',
        errcode: 40013,
      });
      expect(tokens.upsert).not.toHaveBeenCalled();
    });

    it('fails with -2 when WeChat cannot be reached or answers 5xx', async () => {
      http.post.mockRejectedValueOnce(new WechatTransportError('ECONNREFUSED'));
      await expect(sut.get(NOW)).rejects.toEqual(expect.any(WechatTokenError));
      http.post.mockResolvedValueOnce(answer({}, 502));
      await expect(sut.get(NOW)).rejects.toMatchObject({ errcode: -2 });
      expect(tokens.upsert).not.toHaveBeenCalled();
    });
  });

  describe('replaceRejected', () => {
    it('takes a newer token another instance stored, without asking WeChat', async () => {
      tokens.getByAppId.mockResolvedValue(stored('token-newer', '2030-01-01T02:00:00Z'));

      await expect(sut.replaceRejected('token-refused', NOW)).resolves.toBe('token-newer');
      expect(http.post).not.toHaveBeenCalled();
      expect(tokens.upsert).not.toHaveBeenCalled();
    });

    it('forces a refresh only when WeChat hands back the very token it refused', async () => {
      tokens.getByAppId.mockResolvedValue(stored('token-refused', '2030-01-01T02:00:00Z'));
      http.post
        .mockResolvedValueOnce(answer({ access_token: 'token-refused', expires_in: 7200 }))
        .mockResolvedValueOnce(answer({ access_token: 'token-forced', expires_in: 7200 }));

      await expect(sut.replaceRejected('token-refused', NOW)).resolves.toBe('token-forced');

      expect(
        http.post.mock.calls.map(
          ([, request]) => (request as { force_refresh: boolean }).force_refresh,
        ),
      ).toEqual([false, true]);
      expect(tokens.upsert).toHaveBeenLastCalledWith(
        expect.objectContaining({ token: 'token-forced' }),
      );
    });
  });
});
