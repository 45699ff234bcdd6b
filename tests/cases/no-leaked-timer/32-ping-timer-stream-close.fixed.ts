// Source: https://github.com/nats-io/nats.node/issues/255
// Bug: fixed twin: the stream's 'close' handler clears the ping timer too, as the issue proposes.
// expect: none

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
    clearTimeout(this.pingTimer);
    this.pingTimer = undefined;
    this.emit('close');
  }

  close(): void {
    clearTimeout(this.pingTimer);
    this.stream.end();
  }
}
