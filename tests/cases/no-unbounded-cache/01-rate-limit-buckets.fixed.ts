// Source: https://github.com/chmonitor/chmonitor/issues/2467
// Bug: fixed (chmonitor PR #2547): the bucket store is capped at MAX_BUCKETS, touched keys are re-inserted so insertion order tracks recency, and the oldest bucket is evicted past the cap.
// expect: none

interface Bucket {
  tokens: number;
  refilledAt: number;
}

const CAPACITY = 30;
const REFILL_PER_SEC = 0.5;
const MAX_BUCKETS = 5000;

const buckets = new Map<string, Bucket>();

export function checkRateLimit(ip: string, now = Date.now()): boolean {
  const key = `ip:${ip}`;
  let bucket = buckets.get(key);
  if (bucket) {
    buckets.delete(key);
  } else {
    bucket = { tokens: CAPACITY, refilledAt: now };
  }
  buckets.set(key, bucket);
  while (buckets.size > MAX_BUCKETS) {
    const oldest = buckets.keys().next().value;
    if (oldest === undefined) break;
    buckets.delete(oldest);
  }
  const elapsed = (now - bucket.refilledAt) / 1000;
  bucket.tokens = Math.min(CAPACITY, bucket.tokens + elapsed * REFILL_PER_SEC);
  bucket.refilledAt = now;
  if (bucket.tokens < 1) return false;
  bucket.tokens -= 1;
  return true;
}
