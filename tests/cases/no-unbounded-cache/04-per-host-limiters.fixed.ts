// Source: https://github.com/SithumRaigamage/techmeetups/issues/18
// Bug: fixed (idiomatic): both per-host tables are LRU caches with a size cap and a TTL, so hosts not seen for an hour, or beyond the 500 most recent, are dropped.
// expect: none

import { LRUCache } from 'lru-cache';

class HostLimiter {
  private inFlight = 0;
  constructor(private readonly maxConcurrent: number) {}
  tryAcquire(): boolean {
    if (this.inFlight >= this.maxConcurrent) return false;
    this.inFlight += 1;
    return true;
  }
  release(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
  }
}

const HOUR = 60 * 60 * 1000;
const limiters = new LRUCache<string, HostLimiter>({ max: 500, ttl: HOUR });
const lastRequestTime = new LRUCache<string, number>({ max: 500, ttl: HOUR });

export function limiterFor(url: string): HostLimiter {
  const host = new URL(url).hostname;
  let limiter = limiters.get(host);
  if (!limiter) {
    limiter = new HostLimiter(2);
    limiters.set(host, limiter);
  }
  return limiter;
}

export function delayBeforeRequest(url: string, minGapMs = 1000, now = Date.now()): number {
  const host = new URL(url).hostname;
  const last = lastRequestTime.get(host) ?? 0;
  lastRequestTime.set(host, Math.max(now, last + minGapMs));
  return Math.max(0, last + minGapMs - now);
}
