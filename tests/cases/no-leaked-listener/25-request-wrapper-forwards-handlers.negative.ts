// Source: https://github.com/shokai/socket.io-request/issues/13
// Bug: negative: a wrapper's on() and off() forward the caller's handler to one shared emitter; the caller owns the handler and removes it with off().
// expect: none

import { EventEmitter } from 'node:events';

export class RequestChannel {
  private readonly events = new EventEmitter();

  on(method: string, handler: (payload: unknown) => void): this {
    this.events.on(method, handler);
    return this;
  }

  off(method: string, handler: (payload: unknown) => void): this {
    this.events.off(method, handler);
    return this;
  }

  dispatch(method: string, payload: unknown): void {
    this.events.emit(method, payload);
  }
}
