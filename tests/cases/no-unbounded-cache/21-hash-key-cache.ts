// Source: https://github.com/jaredwray/cacheable/issues/1123
// Bug: CacheableMemory memoises the hash of every key it has ever seen in an internal Map that nothing bounds, so a cache with a non-static key set grows until Map's 2^24 entry limit throws.
// expect: no-unbounded-cache/mapNeverShrinks 8:20

import { createHash } from 'node:crypto';

export class CacheableMemory {
  private readonly hashCache = new Map<string, number>();
  private readonly stores: Array<Map<string, unknown>>;

  constructor(storeCount = 16) {
    this.stores = Array.from({ length: storeCount }, () => new Map<string, unknown>());
  }

  private storeFor(key: string): Map<string, unknown> {
    const hashes = this.hashCache;
    let hash = hashes.get(key);
    if (hash === undefined) {
      hash = createHash('md5').update(key).digest().readUInt32BE(0);
      hashes.set(key, hash);
    }
    return this.stores[hash % this.stores.length] ?? new Map<string, unknown>();
  }

  get(key: string): unknown {
    return this.storeFor(key).get(key);
  }

  set(key: string, value: unknown): void {
    this.storeFor(key).set(key, value);
  }

  delete(key: string): void {
    this.storeFor(key).delete(key);
  }
}
