// Source: https://github.com/nodejs/node-v0.x-archive/issues/26600
// Bug: negative: every reconnect drops the old socket's listeners and attaches new ones to the socket it has just created, so listeners never pile up on one socket.
// expect: none

import { EventEmitter } from 'node:events';

declare function openSocket(url: string): EventEmitter;

export class FeedClient {
  private socket: EventEmitter | undefined;
  messages = 0;

  constructor(private readonly url: string) {}

  reconnect(): void {
    this.socket?.removeAllListeners();
    this.socket = openSocket(this.url);
    this.socket.on('message', () => {
      this.messages += 1;
    });
    this.socket.on('close', () => setTimeout(() => this.reconnect(), 1000));
  }
}
