import { hash as hashWithBcryptjs } from 'bcryptjs';

import { PASSWORD_MAX_BYTES, hashPassword, verifyPassword } from './password.util';

// Cost 4 keeps the bcryptjs-made hash quick; verification reads the cost from the hash.
const LEGACY_COST = 4;

describe('hashPassword', () => {
  it('makes a $2b$ cost-12 hash that verifies', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(/^\$2b\$12\$/);
    await expect(verifyPassword('correct horse battery staple', stored)).resolves.toBe(true);
  });

  it(`accepts exactly ${PASSWORD_MAX_BYTES} bytes`, async () => {
    await expect(hashPassword('a'.repeat(PASSWORD_MAX_BYTES))).resolves.toMatch(/^\$2b\$/);
  });

  it(`refuses more than ${PASSWORD_MAX_BYTES} bytes in UTF-8, counting bytes not characters`, async () => {
    // 25 Chinese characters are 75 bytes.
    await expect(hashPassword('职'.repeat(25))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'password' }],
    });
    await expect(hashPassword('a'.repeat(PASSWORD_MAX_BYTES + 1))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});

describe('verifyPassword', () => {
  it('verifies a hash made by bcryptjs, as stored before the switch', async () => {
    const stored = await hashWithBcryptjs('a long enough password', LEGACY_COST);
    await expect(verifyPassword('a long enough password', stored)).resolves.toBe(true);
    await expect(verifyPassword('a long enough passwore', stored)).resolves.toBe(false);
  });

  it('never matches a password over the limit, even when its first 72 bytes are right', async () => {
    const first72 = 'x'.repeat(PASSWORD_MAX_BYTES);
    const stored = await hashWithBcryptjs(first72, LEGACY_COST);
    await expect(verifyPassword(first72, stored)).resolves.toBe(true);
    await expect(verifyPassword(`${first72}anything`, stored)).resolves.toBe(false);
  });

  it('answers false for an unknown account', async () => {
    await expect(verifyPassword('whatever', null)).resolves.toBe(false);
  });
});
