// Source: https://github.com/giauphan/codeatlas-platform/issues/21
// Bug: fixed (codeatlas-platform PR #26): each entry records its last access, and on about 1% of requests entries idle for more than five minutes are deleted.
// expect: none

const WINDOW_MS = 60_000;
const LIMIT = 120;
const IDLE_MS = 5 * 60_000;

interface Entry {
  timestamps: number[];
  lastAccess: number;
}

const rateLimits = new Map<string, Entry>();

export function allowRequest(tenantId: string, ip: string, now = Date.now()): boolean {
  if (Math.random() < 0.01) {
    for (const [key, entry] of rateLimits) {
      if (now - entry.lastAccess > IDLE_MS) rateLimits.delete(key);
    }
  }
  const key = `${tenantId}/${ip}`;
  const recent = (rateLimits.get(key)?.timestamps ?? []).filter((t) => now - t < WINDOW_MS);
  const allowed = recent.length < LIMIT;
  if (allowed) recent.push(now);
  rateLimits.set(key, { timestamps: recent, lastAccess: now });
  return allowed;
}
