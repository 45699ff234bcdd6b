// Source: https://github.com/actionhero/actionhero/pull/653
// Bug: fixed twin: starting the stats loop clears the previous flush interval first, and stopStats() clears it for good.
// expect: none

const pending = new Map<string, number>();
let flushTimer: ReturnType<typeof setInterval> | undefined;

async function writeIncrements(): Promise<void> {
  const batch = [...pending];
  pending.clear();
  await Promise.all(batch.map(async ([key, by]) => console.log('incr', key, by)));
}

export function startStats(flushMs: number): void {
  clearInterval(flushTimer);
  flushTimer = setInterval(() => void writeIncrements(), flushMs);
}

export function stopStats(): void {
  clearInterval(flushTimer);
}

export function increment(key: string, by = 1): void {
  pending.set(key, (pending.get(key) ?? 0) + by);
}
