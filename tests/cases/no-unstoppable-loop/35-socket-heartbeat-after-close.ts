// Source: https://github.com/palmerc/SecureWebSockets/pull/3
// Bug: the websocket's heartbeat loop never finished: it pinged on a timer forever and did not look at whether the socket had been closed (re-expressed from a Java heartbeat thread; the PR adds a closed-socket check).
// expect: no-unstoppable-loop/loopOutlivesTeardown 23:5

import { setTimeout as sleep } from 'node:timers/promises';

export interface FrameWriter {
  ping(payload: Buffer): Promise<void>;
  close(code: number): Promise<void>;
}

export class HeartbeatSocket {
  private closed = false;
  missed = 0;

  constructor(
    private readonly writer: FrameWriter,
    private readonly intervalMs: number,
  ) {}

  async heartbeat(): Promise<void> {
    const payload = Buffer.from('hb');
    while (true) {
      await sleep(this.intervalMs);
      try {
        await this.writer.ping(payload);
      } catch {
        this.missed += 1;
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.writer.close(1000);
  }

  get isClosed(): boolean {
    return this.closed;
  }
}
