import { randomBytes } from 'node:crypto';

// What a production server refuses to start without: its own ID-protection and
// certificate-signing keys (the development ones are public), and the public address its QR
// codes point at. Mirrors server/test/support/production-env.ts.
export const productionEnv = (): Record<string, string> => ({
  APP_ENV: 'production',
  ID_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
  ID_ENCRYPTION_CURRENT_KEY_ID: 'k1',
  ID_BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
  CERTIFICATE_SIGNING_KEY: randomBytes(32).toString('base64'),
  PUBLIC_BASE_URL: 'https://titletrack.example.cn',
});
