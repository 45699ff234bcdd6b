// Source: https://github.com/credebl/agent-controller/pull/368
// Bug: review: the purge worker's consume loop restarted forever; after the scheduler's stop() drained the connection, consume() kept failing, the loop slept and retried, and background work outlived shutdown.
// expect: no-unstoppable-loop/loopOutlivesTeardown 25:5

import { setTimeout as sleep } from 'node:timers/promises';

export interface PurgeMessage {
  tenantId: string;
}

export interface MessageConsumer {
  consume(): Promise<AsyncIterable<PurgeMessage>>;
}

const RESTART_DELAY_MS = 5000;

export class PurgeWorker {
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
        this.log('consume loop ended, restarting');
      } catch (error) {
        this.log(`consume loop failed, restarting: ${String(error)}`);
        await sleep(RESTART_DELAY_MS);
      }
    }
  }

  stop(): void {
    this.log('purge worker stop requested');
  }
}
