// A made-up applicant identity for H5 demos: random enough that two browsers never collide, and
// prefixed so the server's logs tell it apart from a WeChat openid.
export type RandomBytes = (length: number) => Uint8Array;

const cryptoRandomBytes = (): RandomBytes | null => {
  // `typeof` rather than globalThis: the browserslist reaches WebViews that predate globalThis.
  if (typeof crypto === 'undefined' || typeof crypto.getRandomValues !== 'function') return null;
  return (length) => crypto.getRandomValues(new Uint8Array(length));
};

// Old WebViews lack crypto.getRandomValues; Math.random is fine for a demo identity, not a secret.
const mathRandomBytes: RandomBytes = (length) =>
  Uint8Array.from({ length }, () => Math.floor(Math.random() * 256));

export function createDeviceId(
  randomBytes: RandomBytes = cryptoRandomBytes() ?? mathRandomBytes,
): string {
  const hex = Array.from(randomBytes(8), (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `h5-${hex}`;
}
