// Source: https://github.com/dbos-inc/dbos-transact-ts/pull/557
// Bug: the scheduler loop raced sleepms() against an interrupt; the sleep's timer was never cleared, so after shutdown the runtime hung for up to the longest scheduled interval.
// expect: no-abandoned-race/timerNeverCleared 22:13
// expect: no-abandoned-race/workNeverAborted 22:13

function sleepms(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export class Scheduler {
  private stopped = false;
  private interrupt: (() => void) | undefined;

  private nextInterrupt(): Promise<void> {
    return new Promise((resolve) => {
      this.interrupt = resolve;
    });
  }

  async run(nextRunIn: () => number, fire: () => Promise<void>): Promise<void> {
    while (!this.stopped) {
      await Promise.race([sleepms(nextRunIn()), this.nextInterrupt()]);
      if (!this.stopped) await fire();
    }
  }

  stop(): void {
    this.stopped = true;
    this.interrupt?.();
  }
}
