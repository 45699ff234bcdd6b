// Source: https://github.com/express-rate-limit/express-rate-limit/pull/30
// Bug: fixed twin: the reset timer is unref'd (the PR's fix) and the store also returns a shutdown that clears it.
// expect: none

export interface RateStore {
  increment(key: string): number;
  shutdown(): void;
}

export function createMemoryStore(windowMs: number): RateStore {
  let hits = new Map<string, number>();
  const resetTimer = setInterval(() => {
    hits = new Map();
  }, windowMs);
  resetTimer.unref();
  return {
    increment(key) {
      const count = (hits.get(key) ?? 0) + 1;
      hits.set(key, count);
      return count;
    },
    shutdown() {
      clearInterval(resetTimer);
    },
  };
}
