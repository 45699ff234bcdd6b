// Source: https://github.com/joepie91/node-bhttp/issues/39
// Bug: each request armed a response timeout that was cleared when the response arrived but not when the request failed first, so a failed request left its timer (and the request) pending and held the process open.
// expect: no-leaked-timer/timerNotClearedOnTeardown 15:5

import { EventEmitter } from 'node:events';
import type { ClientRequest, IncomingMessage } from 'node:http';

export class TimedRequest extends EventEmitter {
  private responseTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly request: ClientRequest, responseTimeoutMs: number) {
    super();
    request.on('response', (response: IncomingMessage) => this.onResponse(response));
    request.on('error', (error: Error) => this.fail(error));
    this.responseTimer = setTimeout(() => this.fail(new Error('response timed out')), responseTimeoutMs);
  }

  private onResponse(response: IncomingMessage): void {
    clearTimeout(this.responseTimer);
    this.emit('response', response);
  }

  private fail(error: Error): void {
    this.destroy();
    this.emit('error', error);
  }

  destroy(): void {
    this.request.destroy();
  }
}
