// Source: https://github.com/oortcloud/node-ddp-client/pull/30
// Bug: fixed twin: at most one reconnect timer is active (the PR also stops reconnecting on error) and a successful connect clears it.
// expect: none

import { EventEmitter } from 'node:events';

export class DdpClient {
  private reconnectTimeout: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly socket: EventEmitter, private readonly connect: () => void) {
    this.socket.on('close', () => this.recoverNetworkError());
    this.socket.on('open', () => clearTimeout(this.reconnectTimeout));
  }

  private recoverNetworkError(): void {
    if (this.reconnectTimeout) return;
    this.reconnectTimeout = setTimeout(() => {
      this.reconnectTimeout = undefined;
      this.connect();
    }, 500);
  }

  close(): void {
    clearTimeout(this.reconnectTimeout);
  }
}
