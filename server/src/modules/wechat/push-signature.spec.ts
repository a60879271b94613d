import { createHash } from 'node:crypto';

import {
  WECHAT_PUSH_WINDOW_SECONDS,
  isFreshWechatPushTimestamp,
  isValidWechatPushSignature,
  wechatPushNonceKey,
  wechatPushSignature,
} from './push-signature';

describe('WeChat message-push signature', () => {
  it('is sha1 over the sorted token, timestamp and nonce', () => {
    // sorted: ['1714000000', '4242', 'AAAtoken'] → '17140000004242AAAtoken'
    expect(wechatPushSignature('AAAtoken', '1714000000', '4242')).toBe(
      createHash('sha1').update('17140000004242AAAtoken').digest('hex'),
    );
  });

  it('accepts the right signature and refuses a wrong, missing or malformed one', () => {
    const signature = wechatPushSignature('token1', '1714000000', 'n0nce');
    expect(
      isValidWechatPushSignature('token1', { signature, timestamp: '1714000000', nonce: 'n0nce' }),
    ).toBe(true);
    expect(
      isValidWechatPushSignature('token1', {
        signature: signature.toUpperCase(),
        timestamp: '1714000000',
        nonce: 'n0nce',
      }),
    ).toBe(true);
    expect(
      isValidWechatPushSignature('token2', { signature, timestamp: '1714000000', nonce: 'n0nce' }),
    ).toBe(false);
    expect(
      isValidWechatPushSignature('token1', { signature, timestamp: '1714000001', nonce: 'n0nce' }),
    ).toBe(false);
    expect(isValidWechatPushSignature('token1', { timestamp: '1714000000', nonce: 'n0nce' })).toBe(
      false,
    );
    expect(
      isValidWechatPushSignature('token1', {
        signature: 'zz',
        timestamp: '1714000000',
        nonce: 'n0nce',
      }),
    ).toBe(false);
  });

  describe('isFreshWechatPushTimestamp', () => {
    const now = new Date(1714000000 * 1000);

    it('accepts a timestamp up to the window either side of now, the edges included', () => {
      for (const offset of [0, WECHAT_PUSH_WINDOW_SECONDS, -WECHAT_PUSH_WINDOW_SECONDS])
        expect(isFreshWechatPushTimestamp(String(1714000000 + offset), now)).toBe(true);
    });

    it('refuses one a second beyond, a timestamp from 2020, and one that is not Unix seconds', () => {
      expect(isFreshWechatPushTimestamp(String(1714000000 + 301), now)).toBe(false);
      expect(isFreshWechatPushTimestamp(String(1714000000 - 301), now)).toBe(false);
      expect(isFreshWechatPushTimestamp('1590000000', now)).toBe(false);
      for (const bad of [undefined, '', '1714000000.5', '-1714000000', '1e9', 'abc'])
        expect(isFreshWechatPushTimestamp(bad, now)).toBe(false);
    });
  });

  it('keys a nonce by timestamp and nonce, so neither alone collides', () => {
    expect(wechatPushNonceKey('1714000000', '12')).not.toBe(wechatPushNonceKey('171400000', '012'));
    expect(wechatPushNonceKey('1714000000', 'x')).toBe(wechatPushNonceKey('1714000000', 'x'));
  });
});
