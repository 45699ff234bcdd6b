// Source: https://github.com/actionhero/actionhero/pull/653
// Bug: a live reload re-ran the stats initializer, which created a new flush interval before clearing the old one, so every reload added an interval that flushed forever.
// expect: no-leaked-timer/timerOverwritten 15:3

const pending = new Map<string, number>();
let flushTimer: ReturnType<typeof setInterval> | undefined;

async function writeIncrements(): Promise<void> {
  const batch = [...pending];
  pending.clear();
  await Promise.all(batch.map(async ([key, by]) => console.log('incr', key, by)));
}

export function startStats(flushMs: number): void {
  flushTimer = setInterval(() => void writeIncrements(), flushMs);
}

export function stopStats(): void {
  clearInterval(flushTimer);
}

export function increment(key: string, by = 1): void {
  pending.set(key, (pending.get(key) ?? 0) + by);
}
