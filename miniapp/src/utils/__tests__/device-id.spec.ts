import { createDeviceId } from '../device-id';

describe('createDeviceId', () => {
  it('should be h5- followed by 16 hex characters of the random bytes', () => {
    expect(createDeviceId(() => Uint8Array.from([0, 1, 15, 16, 127, 128, 254, 255]))).toBe(
      'h5-00010f107f80feff',
    );
  });

  it('should differ between calls with the default random source', () => {
    const first = createDeviceId();
    expect(first).toMatch(/^h5-[0-9a-f]{16}$/);
    expect(createDeviceId()).not.toBe(first);
  });

  it('should fall back to Math.random when crypto.getRandomValues is missing', () => {
    const original = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true });
    const random = jest.spyOn(Math, 'random').mockReturnValue(0.5);
    try {
      expect(createDeviceId()).toBe('h5-8080808080808080');
      expect(random).toHaveBeenCalledTimes(8);
    } finally {
      random.mockRestore();
      if (original) Object.defineProperty(globalThis, 'crypto', original);
    }
  });
});
