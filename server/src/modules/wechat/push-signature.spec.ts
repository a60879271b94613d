import { createHash } from 'node:crypto';

import { isValidWechatPushSignature, wechatPushSignature } from './push-signature';

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
});
