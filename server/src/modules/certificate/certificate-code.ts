import { createPrivateKey, createPublicKey, randomBytes, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

// A certificate's verification code: `<publicId>.<signature>`, both base64url. The public id is
// 16 random bytes, so codes cannot be guessed or counted; the Ed25519 signature over it, so they
// cannot be forged. Anyone can check a code offline with the published public key.
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const PUBLIC_ID_BYTES = 16;
const CODE_PATTERN = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{86})$/;

export const CERTIFICATE_CODE_FORMAT =
  '<publicId>.<signature>: base64url of 16 random bytes, then base64url of the Ed25519 signature of the UTF-8 text "titletrack-certificate-v1:<publicId>"';

const signedText = (publicId: string): Buffer =>
  Buffer.from(`titletrack-certificate-v1:${publicId}`, 'utf8');

// The Nest token of the one signer of the process (its key comes from the configuration).
export const CERTIFICATE_SIGNER = Symbol('CERTIFICATE_SIGNER');

export function newCertificatePublicId(): string {
  return randomBytes(PUBLIC_ID_BYTES).toString('base64url');
}

export class CertificateCodeSigner {
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;

  // `seed`: the 32-byte Ed25519 private key, as RFC 8032 defines it.
  constructor(seed: Buffer) {
    if (seed.length !== 32) throw new Error('An Ed25519 seed is 32 bytes');
    this.privateKey = createPrivateKey({
      key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
      format: 'der',
      type: 'pkcs8',
    });
    this.publicKey = createPublicKey(this.privateKey);
  }

  codeFor(publicId: string): string {
    return `${publicId}.${sign(null, signedText(publicId), this.privateKey).toString('base64url')}`;
  }

  // The public id of a genuine code; null for anything else, whatever is wrong with it.
  publicIdOf(code: string): string | null {
    const match = CODE_PATTERN.exec(code);
    if (match === null) return null;
    const [, publicId = '', signature = ''] = match;
    const signatureBytes = Buffer.from(signature, 'base64url');
    // base64url allows several spellings of the same bytes; only the canonical one is genuine.
    if (
      signatureBytes.toString('base64url') !== signature ||
      Buffer.from(publicId, 'base64url').toString('base64url') !== publicId
    ) {
      return null;
    }
    return verify(null, signedText(publicId), this.publicKey, signatureBytes) ? publicId : null;
  }

  publicKeyPem(): string {
    return this.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  }
}
