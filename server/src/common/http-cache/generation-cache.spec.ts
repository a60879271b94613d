import { GenerationCache } from './generation-cache';

describe(GenerationCache.name, () => {
  it('makes a value once per generation, shared by concurrent askers', async () => {
    const cache = new GenerationCache<string>();
    let made = 0;
    const make = async (): Promise<string> => {
      made += 1;
      return `v${made}`;
    };
    const [a, b] = await Promise.all([cache.get('k', 'g1', make), cache.get('k', 'g1', make)]);
    expect([a, b, made]).toEqual(['v1', 'v1', 1]);
    expect(await cache.get('k', 'g2', make)).toBe('v2');
    expect(await cache.get('k', 'g2', make)).toBe('v2');
  });

  it('keeps no failure, and stays within its bound', async () => {
    const cache = new GenerationCache<number>(2);
    await expect(cache.get('bad', 'g', () => Promise.reject(new Error('no')))).rejects.toThrow();
    expect(await cache.get('bad', 'g', () => Promise.resolve(1))).toBe(1);
    let made = 0;
    const count = (): Promise<number> => Promise.resolve((made += 1));
    await cache.get('a', 'g', count);
    await cache.get('b', 'g', count);
    await cache.get('c', 'g', count);
    // The bound was reached: the older values were let go and are made again when asked.
    expect(await cache.get('a', 'g', count)).toBe(made);
  });
});
