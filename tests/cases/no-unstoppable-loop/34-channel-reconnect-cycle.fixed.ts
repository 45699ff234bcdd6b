// Source: https://github.com/OPCFoundation/UA-.NETStandard/pull/3852
// Bug: fixed twin (the review's suggested fix): the reconnect cycle checks the shutdown signal on every pass and passes it to the connect and the backoff delay.
// expect: none

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
    void this.keepConnected().catch(() => undefined);
  }

  private backoff(attempt: number): number {
    return Math.min(30_000, 250 * 2 ** attempt);
  }

  private async keepConnected(): Promise<void> {
    const signal = this.shutdown.signal;
    let attempt = 0;
    while (true) {
      signal.throwIfAborted();
      try {
        await this.channel.connect(this.endpoint, { signal });
        attempt = 0;
        const reason = await this.channel.closed();
        console.info('channel closed', reason?.message);
      } catch (error) {
        attempt += 1;
        console.warn('connect failed', error);
      }
      this.reconnects += 1;
      await sleep(this.backoff(attempt), undefined, { signal });
    }
  }

  async dispose(): Promise<void> {
    this.shutdown.abort();
  }
}
