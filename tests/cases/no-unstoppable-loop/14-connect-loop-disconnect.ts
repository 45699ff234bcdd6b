// Source: https://github.com/sepmein/infiniteLoop/issues/2
// Bug: a connection's work loop was started on connect(); disconnect() only cleared `connected`, and the loop went on running after the disconnect.
// expect: no-unstoppable-loop/loopOutlivesTeardown 21:5

import { setTimeout as sleep } from 'node:timers/promises';

export class Connection {
  connected = false;
  private ticks = 0;

  connect(): void {
    this.connected = true;
    void this.work();
  }

  disconnect(): void {
    this.connected = false;
  }

  private async work(): Promise<void> {
    while (true) {
      if (this.connected) this.ticks += 1;
      await sleep(100);
    }
  }

  get count(): number {
    return this.ticks;
  }
}
