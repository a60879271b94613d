/**
 * Marks the end of an exhaustive switch: the compiler rejects the call while a case is missing.
 *
 * @param value - the value every case should have consumed
 * @example
 * switch (kind) { case 'a': return 1; default: return assertUnreachable(kind); }
 */
export function assertUnreachable(value: never): never {
  throw new Error(`Unexpected value: ${String(value)}`);
}
