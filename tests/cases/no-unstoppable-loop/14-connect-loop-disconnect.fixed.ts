// Source: https://github.com/sepmein/infiniteLoop/issues/2
// Bug: fixed twin: the work loop leaves when it sees `connected` cleared, instead of idling forever.
// expect: none

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
      if (!this.connected) break;
      this.ticks += 1;
      await sleep(100);
    }
  }

  get count(): number {
    return this.ticks;
  }
}
