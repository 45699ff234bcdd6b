// Source: https://github.com/langwatch/langwatch/pull/5002
// Bug: fixed: each task is tracked by an async helper that removes it from the executing Set in finally, so rejected tasks free their slot too.
// expect: none

export async function runWithConcurrency<T>(items: readonly T[], concurrency: number, fn: (item: T) => Promise<void>): Promise<void> {
  const executing = new Set<Promise<void>>();
  const track = async (task: Promise<void>): Promise<void> => {
    executing.add(task);
    try {
      await task;
    } finally {
      executing.delete(task);
    }
  };
  for (const item of items) {
    void track(fn(item));
    if (executing.size >= concurrency) {
      await Promise.race(executing);
    }
  }
  await Promise.all(executing);
}
