import type TestAgent from 'supertest/lib/agent';

import { signWebhook } from '../../src/modules/mirror/webhook-signature';

// Headers of a caller: its bearer token, if any, and an address of its own, so per-address rate
// limits never couple unrelated requests of one test file.
export function callerFrom(subnet: string): (token?: string) => Record<string, string> {
  let address = 0;
  return (token) => {
    address += 1;
    return {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      'X-Forwarded-For': `${subnet}.${address % 250}`,
    };
  };
}

// A platform webhook delivery, signed now with `secret`, as the platform sends it.
export function deliverPlatformEvent(api: TestAgent, secret: string, body: unknown) {
  const raw = Buffer.from(JSON.stringify(body));
  const timestamp = String(Math.floor(Date.now() / 1000));
  return api
    .post('/api/platform/events')
    .set('Content-Type', 'application/json')
    .set('X-Platform-Timestamp', timestamp)
    .set('X-Platform-Signature', signWebhook(secret, timestamp, raw))
    .send(raw.toString());
}
