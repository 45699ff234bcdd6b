// Source: https://github.com/palmerc/SecureWebSockets/pull/3
// Bug: fixed twin (the PR's fix): the heartbeat loop checks whether the socket is closed after each wait and leaves when it is.
// expect: none

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
      if (this.closed) break;
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
