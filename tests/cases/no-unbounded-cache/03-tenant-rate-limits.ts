// Source: https://github.com/giauphan/codeatlas-platform/issues/21
// Bug: the sliding-window limiter stores an array of request timestamps per tenant/IP in a module Map; old timestamps are filtered but the keys are never evicted, so unique callers accumulate until OOM.
// expect: no-unbounded-cache/mapNeverShrinks 8:7

const WINDOW_MS = 60_000;
const LIMIT = 120;

const rateLimits = new Map<string, number[]>();

export function allowRequest(tenantId: string, ip: string, now = Date.now()): boolean {
  const key = `${tenantId}/${ip}`;
  const recent = (rateLimits.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
  if (recent.length >= LIMIT) {
    rateLimits.set(key, recent);
    return false;
  }
  recent.push(now);
  rateLimits.set(key, recent);
  return true;
}
