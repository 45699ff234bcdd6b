// Source: https://github.com/mcollina/async-cache-dedupe/pull/35
// Bug: none: concurrent lookups share one in-flight promise, and the entry is deleted in finally (rather than set to undefined, the leak that PR fixed) whether the lookup succeeds or throws.
// expect: none

export class Deduper<T> {
  private readonly inFlight = new Map<string, Promise<T>>();

  constructor(private readonly load: (key: string) => Promise<T>) {}

  async get(key: string): Promise<T> {
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const promise = this.load(key);
    this.inFlight.set(key, promise);
    try {
      return await promise;
    } finally {
      this.inFlight.delete(key);
    }
  }
}
