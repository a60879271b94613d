import { createPublicKey, randomBytes, verify } from 'node:crypto';

import { CertificateCodeSigner, newCertificatePublicId } from './certificate-code';

function flipBit(text: string, characterIndex: number, bit: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const value = alphabet.indexOf(text[characterIndex] ?? 'A');
  return (
    text.slice(0, characterIndex) + alphabet[value ^ (1 << bit)] + text.slice(characterIndex + 1)
  );
}

describe(CertificateCodeSigner.name, () => {
  const signer = new CertificateCodeSigner(randomBytes(32));
  const publicId = newCertificatePublicId();
  const code = signer.codeFor(publicId);

  it('gives back the public id of a code it signed', () => {
    expect(code).toMatch(/^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{86}$/);
    expect(signer.publicIdOf(code)).toBe(publicId);
  });

  it('refuses a code with any single bit flipped, in the id or in the signature', () => {
    const [id = '', signature = ''] = code.split('.');
    for (let index = 0; index < id.length; index += 1) {
      for (let bit = 0; bit < 6; bit += 1)
        expect(signer.publicIdOf(`${flipBit(id, index, bit)}.${signature}`)).toBeNull();
    }
    for (let index = 0; index < signature.length; index += 1) {
      for (let bit = 0; bit < 6; bit += 1)
        expect(signer.publicIdOf(`${id}.${flipBit(signature, index, bit)}`)).toBeNull();
    }
  });

  it('refuses codes signed with another key, malformed codes and guesses', () => {
    expect(new CertificateCodeSigner(randomBytes(32)).publicIdOf(code)).toBeNull();
    expect(signer.publicIdOf('')).toBeNull();
    expect(signer.publicIdOf(publicId)).toBeNull();
    expect(signer.publicIdOf(`${publicId}.${'A'.repeat(86)}`)).toBeNull();
    expect(signer.publicIdOf(`${code}x`)).toBeNull();
  });

  it('publishes a public key that checks its codes with plain node:crypto', () => {
    const [id = '', signature = ''] = code.split('.');
    const key = createPublicKey(signer.publicKeyPem());
    expect(key.asymmetricKeyType).toBe('ed25519');
    expect(
      verify(
        null,
        Buffer.from(`titletrack-certificate-v1:${id}`),
        key,
        Buffer.from(signature, 'base64url'),
      ),
    ).toBe(true);
  });

  it('makes a different public id each time', () => {
    expect(new Set(Array.from({ length: 1000 }, newCertificatePublicId)).size).toBe(1000);
  });
});
