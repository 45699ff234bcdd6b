// Source: https://github.com/Twitter4J/Twitter4J/pull/157
// Bug: fixed twin (the PR's fix): close() sets the flag whether or not a stream is open, so a consumer waiting to reconnect sees it on its next pass.
// expect: none

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
    this.closed = true;
    this.stream?.destroy();
  }
}
