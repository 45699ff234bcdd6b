// Source: https://github.com/nats-io/nats.node/issues/255
// Bug: the client's ping loop was cleared by close() but not when the server dropped the connection: the stream's 'close' handler emitted the close event and left the ping timer running.
// expect: no-leaked-timer/timerNotClearedOnTeardown 19:5

import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';

export class NatsClient extends EventEmitter {
  private pingTimer: ReturnType<typeof setTimeout> | undefined;
  private outstandingPings = 0;

  constructor(private readonly stream: Socket, private readonly pingIntervalMs = 120_000) {
    super();
    stream.on('connect', () => this.schedulePing());
    stream.on('close', () => this.onStreamClose());
  }

  private schedulePing(): void {
    this.pingTimer = setTimeout(() => {
      this.outstandingPings += 1;
      this.stream.write('PING\r\n');
      this.schedulePing();
    }, this.pingIntervalMs);
  }

  private onStreamClose(): void {
    this.emit('close');
  }

  close(): void {
    clearTimeout(this.pingTimer);
    this.stream.end();
  }
}
