import { createHash } from 'node:crypto';

// Bearer secrets (sign-in tokens, share-link tokens) are stored only as their SHA-256, so the
// database alone opens nothing. They are long random strings: no salt or slow hash is needed.
export const hashToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');
