// Source: https://github.com/chmonitor/chmonitor/issues/2467
// Bug: the token-bucket rate limiter kept one bucket per client IP in a module-level Map with no eviction, TTL or cap, so every distinct caller stayed in memory for the isolate's lifetime.
// expect: no-unbounded-cache/mapNeverShrinks 14:7

interface Bucket {
  tokens: number;
  refilledAt: number;
}

const CAPACITY = 30;
const REFILL_PER_SEC = 0.5;

/** Shared in-memory store; lives as long as the worker. */
const buckets = new Map<string, Bucket>();

export function checkRateLimit(ip: string, now = Date.now()): boolean {
  const key = `ip:${ip}`;
  let bucket = buckets.get(key);
  if (!bucket) {
    bucket = { tokens: CAPACITY, refilledAt: now };
    buckets.set(key, bucket);
  }
  const elapsed = (now - bucket.refilledAt) / 1000;
  bucket.tokens = Math.min(CAPACITY, bucket.tokens + elapsed * REFILL_PER_SEC);
  bucket.refilledAt = now;
  if (bucket.tokens < 1) return false;
  bucket.tokens -= 1;
  return true;
}
