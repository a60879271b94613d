import { SIGNATURE_CHECK, checkWebhookSignature, signWebhook } from './webhook-signature';

const SECRET = 'a'.repeat(32);
const OLD_SECRET = 'b'.repeat(32);
const now = new Date('2023-08-20T04:00:00Z');
const timestamp = String(Math.floor(now.getTime() / 1000));
const body = Buffer.from('{"id":"evt_1"}');

describe('checkWebhookSignature', () => {
  const check = (overrides: Partial<Parameters<typeof checkWebhookSignature>[0]> = {}) =>
    checkWebhookSignature({
      rawBody: body,
      timestamp,
      signature: signWebhook(SECRET, timestamp, body),
      secrets: [SECRET],
      now,
      ...overrides,
    });

  it('accepts a fresh delivery signed with an active secret', () => {
    expect(check()).toBe(SIGNATURE_CHECK.VALID);
  });

  it('accepts either of two secrets during a rotation', () => {
    expect(
      check({ secrets: [SECRET, OLD_SECRET], signature: signWebhook(OLD_SECRET, timestamp, body) }),
    ).toBe('valid');
  });

  it('refuses a signature by another secret, over another body or another timestamp', () => {
    expect(check({ signature: signWebhook(OLD_SECRET, timestamp, body) })).toBe('mismatch');
    expect(check({ rawBody: Buffer.from('{"id":"evt_2"}') })).toBe('mismatch');
    expect(check({ signature: signWebhook(SECRET, String(Number(timestamp) - 1), body) })).toBe(
      'mismatch',
    );
  });

  it('refuses timestamps more than five minutes off, either way', () => {
    const at = (seconds: number) => String(Number(timestamp) + seconds);
    expect(check({ timestamp: at(-301), signature: signWebhook(SECRET, at(-301), body) })).toBe(
      'stale',
    );
    expect(check({ timestamp: at(301), signature: signWebhook(SECRET, at(301), body) })).toBe(
      'stale',
    );
    expect(check({ timestamp: at(-299), signature: signWebhook(SECRET, at(-299), body) })).toBe(
      'valid',
    );
  });

  it('refuses missing or malformed headers', () => {
    expect(check({ timestamp: undefined })).toBe('malformed');
    expect(check({ signature: undefined })).toBe('malformed');
    expect(check({ signature: 'md5=abc' })).toBe('malformed');
    expect(check({ timestamp: 'yesterday' })).toBe('malformed');
  });
});
