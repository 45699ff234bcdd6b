// Source: https://github.com/ethereum-optimism/optimism/pull/2731
// Bug: negative: as in the PR's service, the main loop's `running` flag is cleared by close() (through a helper that also wakes the sleep), and the loop breaks on it before and after every sleep, so close() ends it.
// expect: none

import { setTimeout as sleep } from 'node:timers/promises';

export abstract class PollingService {
  private running = false;
  private wake = new AbortController();

  protected abstract main(): Promise<void>;

  async run(intervalMs: number): Promise<void> {
    this.running = true;
    while (true) {
      if (!this.running) break;
      await this.main();
      await sleep(intervalMs, undefined, { signal: this.wake.signal }).catch(() => undefined);
      if (!this.running) break;
    }
  }

  async close(): Promise<void> {
    this.markStopped();
  }

  private markStopped(): void {
    this.running = false;
    this.wake.abort();
    this.wake = new AbortController();
  }
}
