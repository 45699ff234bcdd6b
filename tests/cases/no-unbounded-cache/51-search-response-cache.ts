// Source: https://github.com/typesense/typesense-js/issues/66
// Bug: the search client caches responses in a dictionary keyed by the serialized request arguments and deletes an expired entry only when the same request is made again, so every distinct search ever made stays cached for the session.
// expect: no-unbounded-cache/objectNeverShrinks 11:20

interface CacheEntry {
  requestTimestamp: number;
  response: unknown;
}

export class RequestWithCache {
  private readonly responseCache: Record<string, CacheEntry> = {};

  async perform<A extends unknown[]>(
    request: (...args: A) => Promise<unknown>,
    args: A,
    cacheResponseForSeconds = 120,
  ): Promise<unknown> {
    const key = JSON.stringify(args);
    const cached = this.responseCache[key];
    if (cached) {
      if (Date.now() - cached.requestTimestamp < cacheResponseForSeconds * 1000) return cached.response;
      delete this.responseCache[key];
    }
    const response = await request(...args);
    this.responseCache[key] = { requestTimestamp: Date.now(), response };
    return response;
  }
}
