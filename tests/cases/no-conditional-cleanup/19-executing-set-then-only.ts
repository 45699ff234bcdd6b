// Source: https://github.com/langwatch/langwatch/pull/5002
// Bug: the concurrency helper removed a task from its executing Set in a .then() callback, which never runs when the task rejects, so a failed task stayed in the Set and kept counting against the limit (a latent bug flagged in review; suggested fix: .finally()).
// expect: no-conditional-cleanup/cleanupSkippedOnSomePaths 11:7

export async function runWithConcurrency<T>(items: readonly T[], concurrency: number, fn: (item: T) => Promise<void>): Promise<void> {
  const executing = new Set<Promise<void>>();
  for (const item of items) {
    const task = fn(item);
    executing.add(task);
    void task.then(() => {
      executing.delete(task);
    });
    if (executing.size >= concurrency) {
      await Promise.race(executing);
    }
  }
  await Promise.all(executing);
}
