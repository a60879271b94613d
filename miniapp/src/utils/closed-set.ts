// Wire strings the contract types as plain `string` (a certificate's level, a summary's status)
// narrowed to a shared `as const` set, so a message key built from them is a checked key and an
// unknown value falls back to itself instead of showing a raw key.
export function isOneOf<S extends Readonly<Record<string, string>>>(
  set: S,
  value: unknown,
): value is S[keyof S] {
  return typeof value === 'string' && (Object.values(set) as unknown[]).includes(value);
}
