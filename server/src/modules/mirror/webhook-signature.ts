import { createHmac, timingSafeEqual } from 'node:crypto';

export const WEBHOOK_TIMESTAMP_HEADER = 'x-platform-timestamp';
export const WEBHOOK_SIGNATURE_HEADER = 'x-platform-signature';
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

export const SIGNATURE_CHECK = {
  VALID: 'valid',
  MALFORMED: 'malformed',
  STALE: 'stale',
  MISMATCH: 'mismatch',
} as const;
export type SignatureCheck = (typeof SIGNATURE_CHECK)[keyof typeof SIGNATURE_CHECK];

// `sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">`, as the sender computes it.
export function signWebhook(secret: string, timestamp: string, rawBody: Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex')}`;
}

/**
 * Checks a webhook delivery: the timestamp must be within five minutes of now (a captured
 * request cannot be replayed later) and the signature must match one of the active secrets
 * (two during a rotation), compared in constant time.
 */
export function checkWebhookSignature(input: {
  rawBody: Buffer;
  timestamp: string | undefined;
  signature: string | undefined;
  secrets: readonly string[];
  now: Date;
}): SignatureCheck {
  const { rawBody, timestamp, signature, secrets, now } = input;
  if (
    !timestamp ||
    !/^\d{9,11}$/.test(timestamp) ||
    !signature ||
    !/^sha256=[0-9a-f]{64}$/.test(signature)
  ) {
    return SIGNATURE_CHECK.MALFORMED;
  }
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > WEBHOOK_TOLERANCE_SECONDS)
    return SIGNATURE_CHECK.STALE;
  const given = Buffer.from(signature);
  // Every secret is tried, match or not, so timing does not tell which one matched.
  let isMatch = false;
  for (const secret of secrets) {
    const expected = Buffer.from(signWebhook(secret, timestamp, rawBody));
    if (expected.length === given.length && timingSafeEqual(expected, given)) isMatch = true;
  }
  return isMatch ? SIGNATURE_CHECK.VALID : SIGNATURE_CHECK.MISMATCH;
}
