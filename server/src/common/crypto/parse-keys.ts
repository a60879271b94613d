import { FIELD_CIPHER_FAILURE, FieldCipherError, KEY_ID_PATTERN } from './field-cipher';

const KEY_BYTES = 32;
const BASE64_PATTERN = /^[A-Za-z0-9+/]+={0,2}$/;

// Reads a key ring from config: `keyId:base64key,keyId2:base64key`. Errors name the key id, or the
// entry's position when there is no id to name, and never echo any part of a key: a config
// error lands in the startup log.
export function parseFieldCipherKeys(config: string): Record<string, Buffer> {
  const keys: Record<string, Buffer> = {};
  const seenIds = new Set<string>();
  const entries = config.split(',').map((entry) => entry.trim());
  if (entries.every((entry) => entry === '')) throw invalid('No keys configured');

  entries.forEach((entry, index) => {
    const separator = entry.indexOf(':');
    if (separator < 0) throw invalid(`Key entry ${index + 1} is not keyId:base64key`);
    const keyId = entry.slice(0, separator).trim();
    const encoded = entry.slice(separator + 1).trim();
    if (!KEY_ID_PATTERN.test(keyId)) {
      throw invalid(`Key entry ${index + 1} has an invalid key id (1-16 of a-z, 0-9, _ or -)`);
    }
    // Ids are compared case-insensitively so `k1` and `K1` cannot both exist and be confused.
    if (seenIds.has(keyId.toLowerCase())) throw invalid(`Key ${keyId} is listed twice`);
    seenIds.add(keyId.toLowerCase());
    // Buffer.from(…, 'base64') silently skips characters it does not know, so check the
    // alphabet and the round trip (padding optional) before trusting the length.
    const key = Buffer.from(encoded, 'base64');
    const isCanonical = withoutPadding(key.toString('base64')) === withoutPadding(encoded);
    if (!BASE64_PATTERN.test(encoded) || !isCanonical) {
      throw invalid(`Key ${keyId} is not valid base64`);
    }
    if (key.length !== KEY_BYTES) throw invalid(`Key ${keyId} must decode to ${KEY_BYTES} bytes`);
    keys[keyId] = key;
  });
  return keys;
}

function withoutPadding(base64: string): string {
  return base64.replace(/=+$/, '');
}

function invalid(message: string): FieldCipherError {
  return new FieldCipherError(FIELD_CIPHER_FAILURE.INVALID_KEYS, message);
}
