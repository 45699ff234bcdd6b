// Source: https://github.com/SithumRaigamage/techmeetups/issues/18
// Bug: the aggregator daemon keeps a limiter and a last-request time per hostname in two module Maps that are never evicted, so every domain it ever checks stays in memory for the life of the cron process.
// expect: no-unbounded-cache/mapNeverShrinks 19:7
// expect: no-unbounded-cache/mapNeverShrinks 20:7

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

const limiters = new Map<string, HostLimiter>();
const lastRequestTime = new Map<string, number>();

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
