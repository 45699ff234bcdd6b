// Source: https://github.com/mscdex/node-imap/issues/487
// Bug: the IDLE keepalive timer, re-armed after every IDLE round trip, was not cleared by destroy(), so after a destroy it still fired and wrote to the destroyed socket.
// expect: no-leaked-timer/timerNotClearedOnTeardown 19:5

import type { Socket } from 'node:net';

export class ImapConnection {
  private keepaliveTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly socket: Socket, private readonly keepaliveMs = 10_000) {
    socket.on('ready', () => this.enterIdle());
  }

  private enterIdle(): void {
    this.send('IDLE', () => this.armKeepalive());
  }

  private armKeepalive(): void {
    this.keepaliveTimer = setTimeout(() => {
      this.send('DONE', () => this.enterIdle());
    }, this.keepaliveMs);
  }

  private send(command: string, done: () => void): void {
    this.socket.write(`${command}\r\n`, () => done());
  }

  destroy(): void {
    this.socket.destroy();
  }
}
