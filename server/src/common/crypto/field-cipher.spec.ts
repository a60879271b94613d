import { maskIdCardNumber } from '@titletrack/shared/domain';

import { FIELD_CIPHER_FAILURE, FieldCipher, FieldCipherError } from './field-cipher';

// Fixed, obviously fake keys: each byte repeated, so a failing test shows which key was used.
const KEY_2023 = Buffer.alloc(32, 0x23);
const KEY_2024 = Buffer.alloc(32, 0x24);
const BLIND_INDEX_KEY = Buffer.alloc(32, 0xb1);
const ID_CARD = '653201199005171231';

function newCipher(overrides: Partial<ConstructorParameters<typeof FieldCipher>[0]> = {}) {
  return new FieldCipher({
    keys: { k2023: KEY_2023 },
    currentKeyId: 'k2023',
    blindIndexKey: BLIND_INDEX_KEY,
    ...overrides,
  });
}

// Flips the lowest bit of one byte of one base64url part of a token, re-encoding canonically,
// so the change is a real bit flip and not a base64 spelling variant.
function flipBit(token: string, part: number): string {
  const parts = token.split('.');
  const bytes = Buffer.from(parts[part] ?? '', 'base64url');
  bytes[0] = (bytes[0] ?? 0) ^ 1;
  parts[part] = bytes.toString('base64url');
  return parts.join('.');
}

function failureOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('Expected a FieldCipherError, but nothing was thrown');
}

describe(FieldCipher.name, () => {
  describe('encrypt and decrypt', () => {
    it.each([
      ['an ID-card number', ID_CARD],
      ['Chinese text', '和田地区人力资源和社会保障局'],
      ['Uyghur text', 'خوتەن ۋىلايىتى'],
      ['an emoji', '🔐'],
      ['an empty string', ''],
    ])('round-trips %s', (_label, plain) => {
      const sut = newCipher();
      expect(sut.decrypt(sut.encrypt(plain))).toBe(plain);
    });

    it('writes v1.<keyId>.<iv>.<tag>.<ciphertext> in base64url', () => {
      const token = newCipher().encrypt(ID_CARD);
      expect(token).toMatch(/^v1\.k2023\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{24}$/);
    });

    it('never contains the plaintext', () => {
      const token = newCipher().encrypt(ID_CARD);
      expect(token).not.toContain(ID_CARD);
      expect(token).not.toContain(Buffer.from(ID_CARD).toString('base64url'));
    });

    it('gives a different IV and ciphertext each time for the same value', () => {
      const sut = newCipher();
      const [first, second] = [sut.encrypt(ID_CARD), sut.encrypt(ID_CARD)];
      expect(first).not.toBe(second);
      expect(first.split('.')[2]).not.toBe(second.split('.')[2]);
      expect(first.split('.')[4]).not.toBe(second.split('.')[4]);
    });

    it('never reuses an IV, across refills of its pool of random bytes', () => {
      const sut = newCipher();
      const tokens = Array.from({ length: 10_000 }, () => sut.encrypt(ID_CARD));
      expect(new Set(tokens.map((token) => token.split('.')[2])).size).toBe(tokens.length);
      expect(sut.decrypt(tokens[9_999] ?? '')).toBe(ID_CARD);
    });
  });

  describe('key rotation', () => {
    const rotated = () =>
      newCipher({ keys: { k2023: KEY_2023, k2024: KEY_2024 }, currentKeyId: 'k2024' });

    it('decrypts a token sealed with an old key that is still in the ring', () => {
      const oldToken = newCipher().encrypt(ID_CARD);
      expect(rotated().decrypt(oldToken)).toBe(ID_CARD);
    });

    it('says an old-key token needs re-encryption, and a fresh one does not', () => {
      const sut = rotated();
      const oldToken = newCipher().encrypt(ID_CARD);
      const newToken = sut.encrypt(ID_CARD);
      expect(sut.needsReencryption(oldToken)).toBe(true);
      expect(sut.needsReencryption(newToken)).toBe(false);
      expect(newToken.startsWith('v1.k2024.')).toBe(true);
    });

    it('rejects a token whose key id is not in the ring as UNKNOWN_KEY_ID', () => {
      const token = rotated().encrypt(ID_CARD);
      const error = failureOf(() => newCipher().decrypt(token));
      expect(error).toBeInstanceOf(FieldCipherError);
      expect(error).toMatchObject({ reason: FIELD_CIPHER_FAILURE.UNKNOWN_KEY_ID });
    });

    it('rejects a token relabelled with another key id, because the id is authenticated', () => {
      const sut = newCipher({ keys: { a: KEY_2023, b: KEY_2023 }, currentKeyId: 'a' });
      const relabelled = sut.encrypt(ID_CARD).replace(/^v1\.a\./, 'v1.b.');
      expect(failureOf(() => sut.decrypt(relabelled))).toMatchObject({
        reason: FIELD_CIPHER_FAILURE.AUTHENTICATION_FAILED,
      });
    });

    it('fails authentication when the key under an id has changed', () => {
      const token = newCipher().encrypt(ID_CARD);
      const wrongKey = newCipher({ keys: { k2023: KEY_2024 } });
      expect(failureOf(() => wrongKey.decrypt(token))).toMatchObject({
        reason: FIELD_CIPHER_FAILURE.AUTHENTICATION_FAILED,
      });
    });
  });

  describe('tampering', () => {
    it.each([
      ['iv', 2],
      ['tag', 3],
      ['ciphertext', 4],
    ])('rejects a flipped bit in the %s as AUTHENTICATION_FAILED', (_part, index) => {
      const sut = newCipher();
      const tampered = flipBit(sut.encrypt(ID_CARD), index);
      const error = failureOf(() => sut.decrypt(tampered));
      expect(error).toBeInstanceOf(FieldCipherError);
      expect(error).toMatchObject({ reason: FIELD_CIPHER_FAILURE.AUTHENTICATION_FAILED });
    });

    it('does not put the token or the plaintext in the error message', () => {
      const sut = newCipher();
      const tampered = flipBit(sut.encrypt(ID_CARD), 4);
      const error = failureOf(() => sut.decrypt(tampered)) as Error;
      expect(error.message).not.toContain(ID_CARD);
      expect(error.message).not.toContain(tampered.split('.')[4]);
    });
  });

  describe('malformed tokens', () => {
    const valid = newCipher().encrypt(ID_CARD);
    const [, , iv = '', tag = '', ciphertext = ''] = valid.split('.');

    it.each([
      ['an empty string', ''],
      ['a plain value', ID_CARD],
      ['too few parts', `v1.k2023.${iv}.${tag}`],
      ['too many parts', `${valid}.x`],
      ['an unknown version', `v2.k2023.${iv}.${tag}.${ciphertext}`],
      ['an invalid key id', `v1.k 2023.${iv}.${tag}.${ciphertext}`],
      ['an empty key id', `v1..${iv}.${tag}.${ciphertext}`],
      ['a short IV', `v1.k2023.${iv.slice(0, 12)}.${tag}.${ciphertext}`],
      ['a short tag', `v1.k2023.${iv}.${tag.slice(0, 20)}.${ciphertext}`],
      ['standard base64 characters', `v1.k2023.${iv}.${tag}.${ciphertext}+/`],
      ['padding', `v1.k2023.${iv}.${tag}.${ciphertext}==`],
      ['a non-canonical base64url spelling', `v1.k2023.${iv}.${tag}.${ciphertext}A`],
    ])('rejects %s as MALFORMED_TOKEN', (_label, token) => {
      const error = failureOf(() => newCipher().decrypt(token));
      expect(error).toBeInstanceOf(FieldCipherError);
      expect(error).toMatchObject({ reason: FIELD_CIPHER_FAILURE.MALFORMED_TOKEN });
    });

    it('rejects a malformed token in needsReencryption too', () => {
      expect(failureOf(() => newCipher().needsReencryption(ID_CARD))).toMatchObject({
        reason: FIELD_CIPHER_FAILURE.MALFORMED_TOKEN,
      });
    });
  });

  describe('blindIndex', () => {
    it('is deterministic HMAC-SHA256 hex', () => {
      const sut = newCipher();
      expect(sut.blindIndex(ID_CARD)).toBe(sut.blindIndex(ID_CARD));
      expect(sut.blindIndex(ID_CARD)).toMatch(/^[0-9a-f]{64}$/);
    });

    it('does not depend on the encryption key, so rotating it keeps lookups working', () => {
      const rotated = newCipher({ keys: { k2024: KEY_2024 }, currentKeyId: 'k2024' });
      expect(rotated.blindIndex(ID_CARD)).toBe(newCipher().blindIndex(ID_CARD));
    });

    it('differs per blind-index key', () => {
      const other = newCipher({ blindIndexKey: Buffer.alloc(32, 0xb2) });
      expect(other.blindIndex(ID_CARD)).not.toBe(newCipher().blindIndex(ID_CARD));
    });

    it('differs per value', () => {
      const sut = newCipher();
      expect(sut.blindIndex('65320119900517124X')).not.toBe(sut.blindIndex(ID_CARD));
    });
  });

  describe('construction', () => {
    it.each([
      ['the current key id is not in the ring', { currentKeyId: 'k2024' }],
      ['a key is not 32 bytes', { keys: { k2023: Buffer.alloc(16, 0x23) } }],
      ['a key id is invalid', { keys: { 'k.2023': KEY_2023 }, currentKeyId: 'k.2023' }],
      ['the blind-index key is short', { blindIndexKey: Buffer.alloc(16, 0xb1) }],
      ['the blind-index key is an encryption key', { blindIndexKey: KEY_2023 }],
    ])('rejects a ring where %s as INVALID_KEYS', (_label, overrides) => {
      const error = failureOf(() => newCipher(overrides));
      expect(error).toBeInstanceOf(FieldCipherError);
      expect(error).toMatchObject({ reason: FIELD_CIPHER_FAILURE.INVALID_KEYS });
    });

    it('copies its keys, so a caller zeroing its buffer cannot break decryption', () => {
      const key = Buffer.from(KEY_2023);
      const sut = newCipher({ keys: { k2023: key } });
      const token = sut.encrypt(ID_CARD);
      key.fill(0);
      expect(sut.decrypt(token)).toBe(ID_CARD);
    });
  });

  describe('maskedIdCardNumber', () => {
    it('shows the masked number of a sealed one, and refuses a tampered token as decrypt does', () => {
      const sut = newCipher();
      const token = sut.encrypt(ID_CARD);
      expect(sut.maskedIdCardNumber(token)).toBe(maskIdCardNumber(ID_CARD));
      expect(sut.maskedIdCardNumber(token)).toBe(maskIdCardNumber(ID_CARD));
      expect(() => sut.maskedIdCardNumber(flipBit(token, 4))).toThrow(FieldCipherError);
    });

    it('decrypts a sealed value once, however often it is shown', () => {
      const sut = newCipher();
      const token = sut.encrypt(ID_CARD);
      const decrypt = jest.spyOn(sut, 'decrypt');
      for (let i = 0; i < 5; i += 1) sut.maskedIdCardNumber(token);
      expect(decrypt).toHaveBeenCalledTimes(1);
    });
  });
});
