// Source: https://github.com/OPCFoundation/UA-.NETStandard/pull/3852
// Bug: review finding: the channel's reconnect cycle kept going as a background task after the manager was disposed: it passed no cancellation to its delay and connect calls and never checked the host's shutdown token (re-expressed from a C# reconnect loop).
// expect: no-unstoppable-loop/loopOutlivesTeardown 31:5

import { setTimeout as sleep } from 'node:timers/promises';

export interface SecureChannel {
  connect(endpoint: string, options?: { signal?: AbortSignal }): Promise<void>;
  closed(): Promise<Error | undefined>;
}

export class ChannelEntry {
  private readonly shutdown = new AbortController();
  reconnects = 0;

  constructor(
    private readonly channel: SecureChannel,
    private readonly endpoint: string,
  ) {}

  start(): void {
    void this.keepConnected();
  }

  private backoff(attempt: number): number {
    return Math.min(30_000, 250 * 2 ** attempt);
  }

  private async keepConnected(): Promise<void> {
    let attempt = 0;
    while (true) {
      try {
        await this.channel.connect(this.endpoint);
        attempt = 0;
        const reason = await this.channel.closed();
        console.info('channel closed', reason?.message);
      } catch (error) {
        attempt += 1;
        console.warn('connect failed', error);
      }
      this.reconnects += 1;
      await sleep(this.backoff(attempt));
    }
  }

  async dispose(): Promise<void> {
    this.shutdown.abort();
  }
}
