import { compare, hash } from 'bcryptjs';

// bcrypt cost 12: about a quarter of a second per check on this hardware, which slows
// guessing without making staff wait.
const COST = 12;

// A hash of a random password: checking an unknown username costs as much as a known one, so
// response times do not reveal which usernames exist.
const DUMMY_HASH = '$2b$12$uUXl.WvGH0vlNlVEnKtK.eoATwHqrYAHj9PvCayLZ32hX1cPBedT.';

export function hashPassword(password: string): Promise<string> {
  return hash(password, COST);
}

export async function verifyPassword(
  password: string,
  passwordHash: string | null,
): Promise<boolean> {
  const isMatch = await compare(password, passwordHash ?? DUMMY_HASH);
  return passwordHash !== null && isMatch;
}
