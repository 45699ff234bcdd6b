// Source: https://github.com/foundryvtt/pf2e/pull/10631
// Bug: none: that PR guaranteed a lock is released even when the work errors and mentioned `await using` as the alternative; here the in-flight entry's delete is registered with `using` right after the set, so it runs on every exit.
// expect: none

export class JobTracker {
  private readonly inflight = new Map<string, Promise<void>>();

  isRunning(id: string): boolean {
    return this.inflight.has(id);
  }

  async run(id: string, job: () => Promise<void>): Promise<void> {
    const task = job();
    this.inflight.set(id, task);
    using _entry = {
      [Symbol.dispose]: () => {
        this.inflight.delete(id);
      },
    };
    await task;
  }
}
