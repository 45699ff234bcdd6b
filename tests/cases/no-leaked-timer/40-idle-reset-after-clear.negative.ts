// Source: https://github.com/ably/ably-js/issues/358
// Bug: negative: the connection's idle timer is armed once in the constructor and re-armed on every received message only right after it is cleared, so no armed handle is ever replaced; dispose() clears it.
// expect: none

import { EventEmitter } from 'node:events';

export class IdleMonitor extends EventEmitter {
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    transport: EventEmitter,
    private readonly idleMs = 15_000,
  ) {
    super();
    transport.on('message', () => this.resetIdleTimeout());
    this.schedule();
  }

  private schedule(): void {
    this.idleTimer = setTimeout(() => this.emit('idle'), this.idleMs);
  }

  private cancel(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }

  resetIdleTimeout(): void {
    this.cancel();
    this.schedule();
  }

  dispose(): void {
    this.cancel();
    this.removeAllListeners();
  }
}
