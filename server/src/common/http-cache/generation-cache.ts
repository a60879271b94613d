/**
 * Values made once per generation of the data they are made from: a new generation (the
 * published notices changed) drops every value of the old one. Concurrent requests for a value
 * being made share its promise; a failure is not kept. Bounded, so keys that callers vary
 * (regions, years) cannot grow it without limit.
 */
export class GenerationCache<T> {
  private generation: string | null = null;
  private readonly values = new Map<string, Promise<T>>();

  constructor(private readonly maxEntries = 512) {}

  get(key: string, generation: string, make: () => Promise<T>): Promise<T> {
    if (generation !== this.generation) {
      this.values.clear();
      this.generation = generation;
    }
    const known = this.values.get(key);
    if (known) return known;
    if (this.values.size >= this.maxEntries) this.values.clear();
    const made = make();
    this.values.set(key, made);
    made.catch(() => {
      if (this.values.get(key) === made) this.values.delete(key);
    });
    return made;
  }
}
