// Source: https://github.com/dbos-inc/dbos-transact-ts/pull/557
// Bug: fixed twin: each sleep is a node:timers/promises timer whose signal stop() aborts, so shutdown cancels the pending timer instead of waiting it out.
// expect: none

import { setTimeout as sleep } from 'node:timers/promises';

export class Scheduler {
  private stopped = false;
  private interrupt: (() => void) | undefined;

  async run(nextRunIn: () => number, fire: () => Promise<void>): Promise<void> {
    while (!this.stopped) {
      const controller = new AbortController();
      this.interrupt = () => controller.abort();
      try {
        await sleep(nextRunIn(), undefined, { signal: controller.signal });
      } catch {
        // interrupted by stop()
      }
      if (!this.stopped) await fire();
    }
  }

  stop(): void {
    this.stopped = true;
    this.interrupt?.();
  }
}
