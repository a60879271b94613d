import { FIELD_CIPHER_FAILURE, FieldCipherError } from './field-cipher';
import { parseFieldCipherKeys } from './parse-keys';

const KEY_A = Buffer.alloc(32, 0xa1);
const KEY_B = Buffer.alloc(32, 0xb2);
const BASE64_A = KEY_A.toString('base64');
const BASE64_B = KEY_B.toString('base64');
// 0xfb bytes encode as '+/v7…' in standard base64, so this is the base64url spelling of a key.
const BASE64_URL_KEY = Buffer.alloc(32, 0xfb).toString('base64url');

function failureOf(run: () => unknown): FieldCipherError {
  try {
    run();
  } catch (error) {
    if (error instanceof FieldCipherError) return error;
    throw error;
  }
  throw new Error('Expected a FieldCipherError, but nothing was thrown');
}

describe(parseFieldCipherKeys.name, () => {
  it('parses one key', () => {
    expect(parseFieldCipherKeys(`k2023:${BASE64_A}`)).toEqual({ k2023: KEY_A });
  });

  it('parses several keys, keeping their ids', () => {
    expect(parseFieldCipherKeys(`k2023:${BASE64_A},k2024:${BASE64_B}`)).toEqual({
      k2023: KEY_A,
      k2024: KEY_B,
    });
  });

  it('tolerates whitespace around entries and a missing base64 padding', () => {
    const unpadded = BASE64_B.replace(/=+$/, '');
    expect(parseFieldCipherKeys(` k_1 : ${BASE64_A} ,\n K-2:${unpadded} `)).toEqual({
      k_1: KEY_A,
      'K-2': KEY_B,
    });
  });

  it('accepts a key id of 16 characters', () => {
    expect(Object.keys(parseFieldCipherKeys(`${'a'.repeat(16)}:${BASE64_A}`))).toEqual([
      'a'.repeat(16),
    ]);
  });

  it.each([
    ['an empty string', ''],
    ['only commas and spaces', ' , '],
  ])('rejects %s: no keys', (_label, config) => {
    expect(failureOf(() => parseFieldCipherKeys(config))).toMatchObject({
      reason: FIELD_CIPHER_FAILURE.INVALID_KEYS,
      message: 'No keys configured',
    });
  });

  it('rejects a key of 16 bytes, naming its id', () => {
    const short = Buffer.alloc(16, 0xa1).toString('base64');
    expect(failureOf(() => parseFieldCipherKeys(`k2023:${short}`))).toMatchObject({
      reason: FIELD_CIPHER_FAILURE.INVALID_KEYS,
      message: 'Key k2023 must decode to 32 bytes',
    });
  });

  it('rejects a key of 33 bytes', () => {
    const long = Buffer.alloc(33, 0xa1).toString('base64');
    expect(failureOf(() => parseFieldCipherKeys(`k2023:${long}`)).message).toBe(
      'Key k2023 must decode to 32 bytes',
    );
  });

  it.each([
    ['base64url characters', BASE64_URL_KEY],
    ['a character outside base64', `${BASE64_A.slice(0, 10)}!${BASE64_A.slice(11)}`],
    ['a non-canonical spelling', `${BASE64_A.slice(0, -2)}B=`],
    ['an empty key', ''],
  ])('rejects %s as not base64, naming the key id', (_label, encoded) => {
    expect(failureOf(() => parseFieldCipherKeys(`k2023:${encoded}`)).message).toBe(
      'Key k2023 is not valid base64',
    );
  });

  it.each([
    ['an empty id', `:${BASE64_A}`],
    ['an id of 17 characters', `${'a'.repeat(17)}:${BASE64_A}`],
    ['a dot, which would break the token format', `k.1:${BASE64_A}`],
    ['a non-ASCII letter', `密钥:${BASE64_A}`],
  ])('rejects a key id with %s, naming the entry by position', (_label, entry) => {
    expect(failureOf(() => parseFieldCipherKeys(`k0:${BASE64_B},${entry}`)).message).toMatch(
      /^Key entry 2 has an invalid key id/,
    );
  });

  it('rejects an entry without a colon by position', () => {
    expect(failureOf(() => parseFieldCipherKeys(BASE64_A)).message).toBe(
      'Key entry 1 is not keyId:base64key',
    );
  });

  it('rejects an empty entry between two keys', () => {
    expect(failureOf(() => parseFieldCipherKeys(`a:${BASE64_A},,b:${BASE64_B}`)).message).toBe(
      'Key entry 2 is not keyId:base64key',
    );
  });

  it.each([
    ['the same id twice', `k1:${BASE64_A},k1:${BASE64_B}`, 'Key k1 is listed twice'],
    ['ids differing only in case', `k1:${BASE64_A},K1:${BASE64_B}`, 'Key K1 is listed twice'],
  ])('rejects %s', (_label, config, message) => {
    expect(failureOf(() => parseFieldCipherKeys(config)).message).toBe(message);
  });

  it('never puts key material in an error message', () => {
    const configs = [
      BASE64_A,
      `k1:${BASE64_A.slice(0, 20)}`,
      `k1:${BASE64_A}!`,
      `bad id:${BASE64_A}`,
      `k1:${BASE64_A},k1:${BASE64_B}`,
    ];
    for (const config of configs) {
      const { message } = failureOf(() => parseFieldCipherKeys(config));
      expect(message).not.toContain(BASE64_A.slice(0, 8));
      expect(message).not.toContain(BASE64_B.slice(0, 8));
    }
  });
});
