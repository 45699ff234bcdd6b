// Source: https://github.com/typesense/typesense-js/issues/66
// Bug: the search client caches responses in a dictionary keyed by the serialized request arguments and deletes an expired entry only when the same request is made again, so every distinct search ever made stays cached for the session.
// expect: no-unbounded-cache/objectNeverShrinks 12:20
// not yet: a delete of an expired entry only when its own key is read again (keys never re-requested stay) is taken as bounding the dictionary

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
