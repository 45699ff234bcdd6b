// Source: https://github.com/ReactiveSocket/reactivesocket-js/pull/51
// Bug: every connection started a keepalive interval and a lease-check interval and kept no handle, so each interval referenced its connection forever after the transport closed.
// expect: no-leaked-timer/intervalNeverCleared 20:5
// expect: no-leaked-timer/intervalNeverCleared 21:5

import { EventEmitter } from 'node:events';
import type { Duplex } from 'node:stream';

export class Connection extends EventEmitter {
  private lastReceivedAt = Date.now();

  constructor(
    private readonly transport: Duplex,
    keepaliveMs: number,
    private readonly lifetimeMs: number,
  ) {
    super();
    transport.on('data', () => (this.lastReceivedAt = Date.now()));
    transport.on('close', () => this.emit('close'));
    setInterval(() => this.transport.write('KEEPALIVE'), keepaliveMs);
    setInterval(() => this.checkLease(), lifetimeMs);
  }

  private checkLease(): void {
    if (Date.now() - this.lastReceivedAt > this.lifetimeMs) this.emit('timeout');
  }
}
