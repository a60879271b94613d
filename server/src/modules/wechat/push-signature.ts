import { createHash, timingSafeEqual } from 'node:crypto';

// WeChat's message-push signature: sha1 of token, timestamp and nonce sorted as strings and
// joined (plaintext mode; the JSON body itself is not signed).
export function wechatPushSignature(token: string, timestamp: string, nonce: string): string {
  return createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');
}

export function isValidWechatPushSignature(
  token: string,
  query: { signature?: string; timestamp?: string; nonce?: string },
): boolean {
  const { signature, timestamp, nonce } = query;
  if (!signature || !timestamp || !nonce || !/^[0-9a-f]{40}$/i.test(signature)) return false;
  const expected = Buffer.from(wechatPushSignature(token, timestamp, nonce), 'hex');
  return timingSafeEqual(expected, Buffer.from(signature.toLowerCase(), 'hex'));
}
