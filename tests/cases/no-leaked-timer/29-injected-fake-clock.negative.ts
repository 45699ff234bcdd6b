// Source: https://github.com/scality/cloudserver/pull/6007
// Bug: negative: the cleanup job runs on an injected clock (a fake-timer clock in tests); `clock.setInterval` is not the runtime's timer, and the real one is kept and cleared by stop().
// expect: none

interface Clock {
  setInterval(run: () => void, ms: number): number;
}

const buckets = new Map<string, { expiresAt: number }>();

function sweep(): void {
  const now = Date.now();
  for (const [key, bucket] of buckets) if (bucket.expiresAt < now) buckets.delete(key);
}

export function startCleanupOn(clock: Clock, everyMs: number): void {
  clock.setInterval(sweep, everyMs);
}

let cleanupInterval: ReturnType<typeof setInterval> | null = null;

export function startCleanupJob(everyMs: number): void {
  if (cleanupInterval) return;
  cleanupInterval = setInterval(sweep, everyMs);
}

export function stopCleanupJob(): void {
  if (cleanupInterval) clearInterval(cleanupInterval);
  cleanupInterval = null;
}
