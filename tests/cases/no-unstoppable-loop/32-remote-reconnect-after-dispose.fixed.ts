// Source: https://github.com/microsoft/vscode/pull/174439
// Bug: fixed twin (the PR's fix): dispose() marks the connection disposed and the reconnection loop leaves on that flag before and after each attempt.
// expect: none

import { setTimeout as sleep } from 'node:timers/promises';

export interface Transport {
  open(host: string): Promise<{ close(): void }>;
}

const BACKOFF_MS = [0, 1000, 5000, 10_000, 30_000];

export class PersistentConnection {
  private socket: { close(): void } | undefined;
  private attempts = 0;
  private disposed = false;

  constructor(
    private readonly transport: Transport,
    private readonly host: string,
  ) {}

  onSocketLost(): void {
    void this.runReconnectingLoop();
  }

  private async runReconnectingLoop(): Promise<void> {
    while (true) {
      if (this.disposed) break;
      await sleep(BACKOFF_MS[Math.min(this.attempts, BACKOFF_MS.length - 1)] ?? 30_000);
      if (this.disposed) break;
      try {
        const socket = await this.transport.open(this.host);
        if (this.disposed) {
          socket.close();
          break;
        }
        this.socket = socket;
        this.attempts = 0;
        break;
      } catch (error) {
        this.attempts += 1;
        console.warn(`reconnect attempt ${String(this.attempts)} failed`, error);
      }
    }
  }

  dispose(): void {
    this.disposed = true;
    this.socket?.close();
    this.socket = undefined;
  }
}
