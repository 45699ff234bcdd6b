// Source: https://github.com/microsoft/vscode/pull/174439
// Bug: the remote connection's reconnection loop only left once a reconnect succeeded; disposing the connection did not stop it, so a disposed connection kept retrying (and could come back to life) while the server stayed away.
// expect: no-unstoppable-loop/loopOutlivesTeardown 27:5

import { setTimeout as sleep } from 'node:timers/promises';

export interface Transport {
  open(host: string): Promise<{ close(): void }>;
}

const BACKOFF_MS = [0, 1000, 5000, 10_000, 30_000];

export class PersistentConnection {
  private socket: { close(): void } | undefined;
  private attempts = 0;

  constructor(
    private readonly transport: Transport,
    private readonly host: string,
  ) {}

  onSocketLost(): void {
    void this.runReconnectingLoop();
  }

  private async runReconnectingLoop(): Promise<void> {
    while (true) {
      await sleep(BACKOFF_MS[Math.min(this.attempts, BACKOFF_MS.length - 1)] ?? 30_000);
      try {
        this.socket = await this.transport.open(this.host);
        this.attempts = 0;
        break;
      } catch (error) {
        this.attempts += 1;
        console.warn(`reconnect attempt ${String(this.attempts)} failed`, error);
      }
    }
  }

  dispose(): void {
    this.socket?.close();
    this.socket = undefined;
  }
}
