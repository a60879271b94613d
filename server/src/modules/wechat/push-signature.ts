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

// How far a push's timestamp may be from our clock, either way. WeChat stamps each push when it
// sends it and retries within seconds; anything older is a captured URL being replayed.
export const WECHAT_PUSH_WINDOW_SECONDS = 5 * 60;

// True when `timestamp` (Unix seconds, as WeChat sends it) is within the window around `now`.
export function isFreshWechatPushTimestamp(timestamp: string | undefined, now: Date): boolean {
  if (!timestamp || !/^\d{1,11}$/.test(timestamp)) return false;
  return Math.abs(now.getTime() / 1000 - Number(timestamp)) <= WECHAT_PUSH_WINDOW_SECONDS;
}

// The key under which a push's timestamp and nonce are remembered; hashed because WeChat does
// not bound the nonce's length.
export function wechatPushNonceKey(timestamp: string, nonce: string): string {
  return createHash('sha256').update(`${timestamp}\u0000${nonce}`).digest('hex');
}
