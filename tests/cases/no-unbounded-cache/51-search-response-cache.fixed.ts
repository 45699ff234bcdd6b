// Source: https://github.com/typesense/typesense-js/issues/66
// Bug: fixed (*idiomatic*, the bounded LRU the issue asks for): the cache is a Map capped at `maxSize` entries; a hit is re-inserted to mark it recent and the least recently used entry is evicted past the cap.
// expect: none

interface CacheEntry {
  requestTimestamp: number;
  response: unknown;
}

export class RequestWithCache {
  private readonly responseCache = new Map<string, CacheEntry>();

  constructor(private readonly maxSize = 100) {}

  async perform<A extends unknown[]>(
    request: (...args: A) => Promise<unknown>,
    args: A,
    cacheResponseForSeconds = 120,
  ): Promise<unknown> {
    const key = JSON.stringify(args);
    const cached = this.responseCache.get(key);
    if (cached) {
      this.responseCache.delete(key);
      if (Date.now() - cached.requestTimestamp < cacheResponseForSeconds * 1000) {
        this.responseCache.set(key, cached);
        return cached.response;
      }
    }
    const response = await request(...args);
    this.responseCache.set(key, { requestTimestamp: Date.now(), response });
    while (this.responseCache.size > this.maxSize) {
      const oldest = this.responseCache.keys().next().value;
      if (oldest === undefined) break;
      this.responseCache.delete(oldest);
    }
    return response;
  }
}
