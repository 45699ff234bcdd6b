// Source: https://github.com/akash-network/console/issues/713
// Bug: fixed (console PR #1511): the stats array has a maximum size and the oldest entries are spliced off when it is exceeded.
// expect: none

interface StatusStat {
  provider: string;
  durationMs: number;
  ok: boolean;
  at: number;
}

const MAX_STATS = 1000;
const stats: StatusStat[] = [];

export async function fetchProviderStatus(provider: string, load: () => Promise<unknown>): Promise<unknown> {
  const started = Date.now();
  let ok = false;
  try {
    const status = await load();
    ok = true;
    return status;
  } finally {
    stats.push({ provider, durationMs: Date.now() - started, ok, at: started });
    if (stats.length > MAX_STATS) stats.splice(0, stats.length - MAX_STATS);
  }
}

export function successRate(): number {
  if (stats.length === 0) return 1;
  return stats.filter((s) => s.ok).length / stats.length;
}
