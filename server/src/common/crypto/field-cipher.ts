import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

import { maskIdCardNumber } from '@titletrack/shared/domain';

// Encrypts personal data (ID-card numbers, PIPL) column by column. A token carries the id of the
// key that sealed it, so keys can rotate: new writes use the current key, old rows stay readable
// while any key in the ring can open them, and needsReencryption finds the rows to migrate.
// Equality lookups go through blindIndex, an HMAC under a separate key, never through the token.

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
// 96-bit IVs are what GCM is specified for; random ones are safe well past any volume we store.
const IV_BYTES = 12;
const TAG_BYTES = 16;
const IV_POOL_SIZE = 4096;
const TOKEN_PARTS = 5;
const BASE64URL_PATTERN = /^[A-Za-z0-9_-]*$/;

export const KEY_ID_PATTERN = /^[a-z0-9_-]{1,16}$/i;

export const FIELD_CIPHER_FAILURE = {
  INVALID_KEYS: 'INVALID_KEYS',
  MALFORMED_TOKEN: 'MALFORMED_TOKEN',
  UNKNOWN_KEY_ID: 'UNKNOWN_KEY_ID',
  AUTHENTICATION_FAILED: 'AUTHENTICATION_FAILED',
} as const;
export type FieldCipherFailure = (typeof FIELD_CIPHER_FAILURE)[keyof typeof FIELD_CIPHER_FAILURE];

// Messages name key ids and token parts only: never key material, plaintext or the token itself.
// Masked ID numbers kept in memory at most (a few MB).
const MAX_MASKED_KEPT = 50_000;

export class FieldCipherError extends Error {
  constructor(
    readonly reason: FieldCipherFailure,
    message: string,
  ) {
    super(message);
    this.name = 'FieldCipherError';
  }
}

// A value as the database stores it: encrypted, and its blind index for lookups.
export interface SealedValue {
  cipher: string;
  blindIndex: string;
}

export interface FieldCipherOptions {
  keys: Record<string, Buffer>;
  currentKeyId: string;
  blindIndexKey: Buffer;
}

export class FieldCipher {
  private readonly keys: ReadonlyMap<string, Buffer>;
  private readonly currentKeyId: string;
  private readonly blindIndexKey: Buffer;
  private readonly currentHeader: Buffer;
  private readonly masked = new Map<string, string>();
  private ivPool = Buffer.alloc(0);
  private ivOffset = 0;

  constructor(options: FieldCipherOptions) {
    const keys = new Map<string, Buffer>();
    for (const [keyId, key] of Object.entries(options.keys)) {
      if (!KEY_ID_PATTERN.test(keyId)) {
        throw new FieldCipherError(FIELD_CIPHER_FAILURE.INVALID_KEYS, 'Invalid key id');
      }
      if (key.length !== KEY_BYTES) {
        throw new FieldCipherError(
          FIELD_CIPHER_FAILURE.INVALID_KEYS,
          `Key ${keyId} must be ${KEY_BYTES} bytes`,
        );
      }
      // Copied, so a caller reusing or zeroing its buffer cannot change the ring.
      keys.set(keyId, Buffer.from(key));
    }
    if (!keys.has(options.currentKeyId)) {
      throw new FieldCipherError(
        FIELD_CIPHER_FAILURE.INVALID_KEYS,
        `Current key id ${options.currentKeyId} is not in the key ring`,
      );
    }
    if (options.blindIndexKey.length < KEY_BYTES) {
      throw new FieldCipherError(
        FIELD_CIPHER_FAILURE.INVALID_KEYS,
        `Blind index key must be at least ${KEY_BYTES} bytes`,
      );
    }
    // Sharing a key between the cipher and the HMAC would tie two uses together; refuse it.
    for (const [keyId, key] of keys) {
      if (key.equals(options.blindIndexKey)) {
        throw new FieldCipherError(
          FIELD_CIPHER_FAILURE.INVALID_KEYS,
          `Blind index key must differ from key ${keyId}`,
        );
      }
    }
    this.keys = keys;
    this.currentKeyId = options.currentKeyId;
    this.currentHeader = headerOf(options.currentKeyId);
    this.blindIndexKey = Buffer.from(options.blindIndexKey);
  }

  encrypt(plain: string): string {
    const key = this.keyFor(this.currentKeyId);
    const iv = this.nextIv();
    const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    // The version and key id are authenticated too, so a token cannot be relabelled.
    cipher.setAAD(this.currentHeader);
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [
      VERSION,
      this.currentKeyId,
      iv.toString('base64url'),
      tag.toString('base64url'),
      ciphertext.toString('base64url'),
    ].join('.');
  }

  // IVs are cut from a pool of CSPRNG bytes, each slice used once: one randomBytes call per
  // 4,096 IVs instead of one per value halves the cost of encrypting an import's ID numbers.
  private nextIv(): Buffer {
    if (this.ivOffset + IV_BYTES > this.ivPool.length) {
      this.ivPool = randomBytes(IV_BYTES * IV_POOL_SIZE);
      this.ivOffset = 0;
    }
    const iv = this.ivPool.subarray(this.ivOffset, this.ivOffset + IV_BYTES);
    this.ivOffset += IV_BYTES;
    return iv;
  }

  decrypt(token: string): string {
    const { keyId, iv, tag, ciphertext } = parseToken(token);
    const decipher = createDecipheriv(ALGORITHM, this.keyFor(keyId), iv, {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(headerOf(keyId));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch {
      // node:crypto's own message ("Unsupported state or unable to authenticate data") says
      // nothing about which key was tried.
      throw new FieldCipherError(
        FIELD_CIPHER_FAILURE.AUTHENTICATION_FAILED,
        `Token sealed with key ${keyId} failed authentication: tampered or wrong key`,
      );
    }
  }

  // Deterministic, so equal values find each other; pass the normalized value, or '11…x' and
  // '11…X' will not match.
  /**
   * The masked form of a sealed ID number, as every screen shows it. Decrypting was the costliest
   * step of answering "my application"; the masked form is not secret, so it is kept per sealed
   * value (a re-encrypted number is a new sealed value), a bounded number of them.
   */
  maskedIdCardNumber(token: string): string {
    const known = this.masked.get(token);
    if (known !== undefined) return known;
    const masked = maskIdCardNumber(this.decrypt(token));
    if (this.masked.size >= MAX_MASKED_KEPT) this.masked.clear();
    this.masked.set(token, masked);
    return masked;
  }

  blindIndex(normalizedValue: string): string {
    return createHmac('sha256', this.blindIndexKey).update(normalizedValue, 'utf8').digest('hex');
  }

  seal(normalizedValue: string): SealedValue {
    return { cipher: this.encrypt(normalizedValue), blindIndex: this.blindIndex(normalizedValue) };
  }

  needsReencryption(token: string): boolean {
    return parseToken(token).keyId !== this.currentKeyId;
  }

  private keyFor(keyId: string): Buffer {
    const key = this.keys.get(keyId);
    if (key === undefined) {
      throw new FieldCipherError(FIELD_CIPHER_FAILURE.UNKNOWN_KEY_ID, `Unknown key id ${keyId}`);
    }
    return key;
  }
}

function headerOf(keyId: string): Buffer {
  return Buffer.from(`${VERSION}.${keyId}`, 'utf8');
}

function parseToken(token: string): {
  keyId: string;
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
} {
  const parts = token.split('.');
  if (parts.length !== TOKEN_PARTS) throw malformed(`expected ${TOKEN_PARTS} parts`);
  const [version, keyId, iv, tag, ciphertext] = parts as [string, string, string, string, string];
  if (version !== VERSION) throw malformed('unknown version');
  if (!KEY_ID_PATTERN.test(keyId)) throw malformed('invalid key id');
  return {
    keyId,
    iv: decodePart(iv, 'iv', IV_BYTES),
    tag: decodePart(tag, 'tag', TAG_BYTES),
    ciphertext: decodePart(ciphertext, 'ciphertext', null),
  };
}

// Buffer.from(…, 'base64url') skips characters it does not know and ignores stray bits, so
// several strings would decode to the same bytes; only the canonical encoding is accepted.
function decodePart(value: string, name: string, expectedBytes: number | null): Buffer {
  if (!BASE64URL_PATTERN.test(value)) throw malformed(`${name} is not base64url`);
  const bytes = Buffer.from(value, 'base64url');
  if (bytes.toString('base64url') !== value) throw malformed(`${name} is not canonical base64url`);
  if (expectedBytes !== null && bytes.length !== expectedBytes) {
    throw malformed(`${name} must be ${expectedBytes} bytes`);
  }
  return bytes;
}

function malformed(detail: string): FieldCipherError {
  return new FieldCipherError(FIELD_CIPHER_FAILURE.MALFORMED_TOKEN, `Malformed token: ${detail}`);
}
