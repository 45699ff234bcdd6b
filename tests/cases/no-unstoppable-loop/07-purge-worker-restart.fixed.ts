// Source: https://github.com/credebl/agent-controller/pull/368
// Bug: fixed twin: stop() sets a flag and aborts the restart delay; the loop returns instead of restarting once stopped.
// expect: none

import { setTimeout as sleep } from 'node:timers/promises';

export interface PurgeMessage {
  tenantId: string;
}

export interface MessageConsumer {
  consume(): Promise<AsyncIterable<PurgeMessage>>;
}

const RESTART_DELAY_MS = 5000;

export class PurgeWorker {
  private stopped = false;
  private readonly controller = new AbortController();

  constructor(
    private readonly consumer: MessageConsumer,
    private readonly purge: (message: PurgeMessage) => Promise<void>,
    private readonly log: (message: string) => void,
  ) {}

  async run(): Promise<void> {
    while (true) {
      try {
        const messages = await this.consumer.consume();
        for await (const message of messages) {
          await this.purge(message);
        }
      } catch (error) {
        if (this.stopped) return;
        this.log(`consume loop failed, restarting: ${String(error)}`);
        await sleep(RESTART_DELAY_MS, undefined, { signal: this.controller.signal }).catch(() => undefined);
      }
      if (this.stopped) return;
    }
  }

  stop(): void {
    this.stopped = true;
    this.controller.abort();
  }
}
