// Source: https://github.com/express-rate-limit/express-rate-limit/pull/30
// Bug: the memory store's reset interval could not be cleared, so an integration test of an app using the limiter left the process open.
// expect: no-leaked-timer/intervalNeverCleared 11:3

export interface RateStore {
  increment(key: string): number;
}

export function createMemoryStore(windowMs: number): RateStore {
  let hits = new Map<string, number>();
  setInterval(() => {
    hits = new Map();
  }, windowMs);
  return {
    increment(key) {
      const count = (hits.get(key) ?? 0) + 1;
      hits.set(key, count);
      return count;
    },
  };
}
