// Source: https://github.com/akash-network/console/issues/713
// Bug: the provider proxy records a stats object for every /status call in a module-level array that is never capped, so the array grows with traffic for the life of the process.
// expect: no-unbounded-cache/arrayNeverShrinks 12:7

interface StatusStat {
  provider: string;
  durationMs: number;
  ok: boolean;
  at: number;
}

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
  }
}

export function successRate(): number {
  if (stats.length === 0) return 1;
  return stats.filter((s) => s.ok).length / stats.length;
}
