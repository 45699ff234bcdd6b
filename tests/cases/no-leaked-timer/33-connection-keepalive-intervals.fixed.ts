// Source: https://github.com/ReactiveSocket/reactivesocket-js/pull/51
// Bug: fixed twin: the PR keeps the intervals in an array and a new close() method cancels them; the twin also cancels them when the transport closes.
// expect: none

import { EventEmitter } from 'node:events';
import type { Duplex } from 'node:stream';

export class Connection extends EventEmitter {
  private lastReceivedAt = Date.now();
  private readonly timers: ReturnType<typeof setInterval>[] = [];

  constructor(
    private readonly transport: Duplex,
    keepaliveMs: number,
    private readonly lifetimeMs: number,
  ) {
    super();
    transport.on('data', () => (this.lastReceivedAt = Date.now()));
    transport.on('close', () => this.close());
    this.timers.push(setInterval(() => this.transport.write('KEEPALIVE'), keepaliveMs));
    this.timers.push(setInterval(() => this.checkLease(), lifetimeMs));
  }

  private checkLease(): void {
    if (Date.now() - this.lastReceivedAt > this.lifetimeMs) this.emit('timeout');
  }

  close(): void {
    for (const timer of this.timers.splice(0)) clearInterval(timer);
    this.transport.end();
    this.emit('close');
  }
}
