// Source: https://github.com/jaredwray/cacheable/issues/1123
// Bug: fixed (idiomatic): the key-hash memo is an LRU cache with a fixed maximum, so it stays bounded whatever keys callers use.
// expect: none

import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';

export class CacheableMemory {
  private readonly hashCache = new LRUCache<string, number>({ max: 10_000 });
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
