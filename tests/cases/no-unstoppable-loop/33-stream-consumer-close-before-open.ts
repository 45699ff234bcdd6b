// Source: https://github.com/Twitter4J/Twitter4J/pull/157
// Bug: close() set the consumer's `closed` flag only when a stream was open; called while the consumer was sleeping before a reconnect (after an initial HTTP error), it returned early, the flag stayed false and the consumer loop ran on indefinitely (re-expressed from a Java consumer thread).
// expect: no-unstoppable-loop/loopOutlivesTeardown 22:5

import { setTimeout as sleep } from 'node:timers/promises';

export interface StatusStream extends AsyncIterable<string> {
  destroy(): void;
}

export class StreamConsumer {
  private closed = false;
  private stream: StatusStream | undefined;
  received = 0;

  constructor(
    private readonly open: () => Promise<StatusStream>,
    private readonly retryMs: number,
  ) {}

  async run(): Promise<void> {
    while (true) {
      if (this.closed) break;
      try {
        this.stream = await this.open();
        for await (const status of this.stream) this.received += status.length > 0 ? 1 : 0;
      } catch {
        this.stream = undefined;
        await sleep(this.retryMs);
      }
    }
  }

  close(): void {
    if (!this.stream) return;
    this.closed = true;
    this.stream.destroy();
  }
}
