// Source: https://github.com/oortcloud/node-ddp-client/pull/30
// Bug: the client scheduled a reconnect on both the error and the close event, so one failure armed two reconnect timers and each reconnect doubled them.
// expect: no-leaked-timer/timerOverwritten 16:5

import { EventEmitter } from 'node:events';

export class DdpClient {
  private reconnectTimeout: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly socket: EventEmitter, private readonly connect: () => void) {
    this.socket.on('error', () => this.recoverNetworkError());
    this.socket.on('close', () => this.recoverNetworkError());
  }

  private recoverNetworkError(): void {
    this.reconnectTimeout = setTimeout(() => this.connect(), 500);
  }

  close(): void {
    clearTimeout(this.reconnectTimeout);
  }
}
