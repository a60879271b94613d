import { randomBytes } from 'node:crypto';

// A share link's token: 32 random bytes, base64url. It is shown to the holder once; only its
// SHA-256 is stored, so the database alone cannot open a link.
export const SHARE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const newShareToken = (): string => randomBytes(32).toString('base64url');

export { hashToken as hashShareToken } from '../../common/crypto/token-hash';
