import { hash, verify } from '@node-rs/bcrypt';

import { ERROR_CODE } from '@titletrack/shared/contract';

import { AppException } from '../../common/app.exception';

// bcrypt cost 12: about a quarter of a second per check on this hardware, which slows
// guessing without making staff wait.
const COST = 12;

// bcrypt reads at most 72 bytes of the password and silently ignores the rest, so a longer
// password would be accepted with any suffix. Counted in UTF-8 bytes: a Chinese character is 3.
export const PASSWORD_MAX_BYTES = 72;

// A hash of a random password: checking an unknown username costs as much as a known one, so
// response times do not reveal which usernames exist.
const DUMMY_HASH = '$2b$12$uUXl.WvGH0vlNlVEnKtK.eoATwHqrYAHj9PvCayLZ32hX1cPBedT.';

export const isPasswordTooLong = (password: string): boolean =>
  Buffer.byteLength(password, 'utf8') > PASSWORD_MAX_BYTES;

// Runs on libuv's thread pool (@node-rs/bcrypt), not on the event loop.
export async function hashPassword(password: string): Promise<string> {
  if (isPasswordTooLong(password)) {
    throw new AppException(
      ERROR_CODE.VALIDATION_FAILED,
      `Password longer than ${PASSWORD_MAX_BYTES} bytes`,
      {
        details: [
          {
            field: 'password',
            messages: [`password must be at most ${PASSWORD_MAX_BYTES} bytes in UTF-8`],
          },
        ],
      },
    );
  }
  return hash(password, { cost: COST, rejectLongPasswords: true });
}

// A password over the limit never matches (bcrypt would compare only its first 72 bytes), but is
// still checked against the dummy hash so that it costs as much as any other wrong password.
export async function verifyPassword(
  password: string,
  passwordHash: string | null,
): Promise<boolean> {
  const isComparable = passwordHash !== null && !isPasswordTooLong(password);
  const isMatch = await verify(password, isComparable ? passwordHash : DUMMY_HASH);
  return isComparable && isMatch;
}
