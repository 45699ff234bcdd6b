// Source: https://github.com/aidenybai/react-grab/pull/552
// Bug: none: the shape of that fix: the timeout and the concurrency count are both released in the same finally; clearTimeout cannot throw, so it never skips the decrement that follows it.
// expect: none

export type SourceTask<T> = (signal: AbortSignal) => Promise<T>;

export class SourceFetchQueue {
  private active = 0;

  get activeFetches(): number {
    return this.active;
  }

  async run<T>(task: SourceTask<T>, fallback: T, timeoutMs: number): Promise<T> {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      controller.abort();
    }, timeoutMs);
    this.active++;
    try {
      return await task(controller.signal);
    } catch {
      return fallback;
    } finally {
      clearTimeout(timer);
      this.active--;
    }
  }
}
