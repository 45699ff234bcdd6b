// Source: https://github.com/top-gg-community/python-sdk/pull/6
// Bug: review of the example's stats loop: a `while True` that posted the server count every 30 minutes would hang the bot when it closed; the loop must test whether the client is closed (re-expressed from Python asyncio).
// expect: no-unstoppable-loop/loopOutlivesTeardown 18:5

import { setTimeout as sleep } from 'node:timers/promises';

export interface BotClient {
  readonly guildCount: number;
  isClosed(): boolean;
}

declare function postServerCount(count: number): Promise<void>;

export class StatsPoster {
  constructor(private readonly bot: BotClient) {}

  async updateStats(): Promise<void> {
    while (true) {
      try {
        await postServerCount(this.bot.guildCount);
      } catch {
        // A failed post is retried on the next pass.
      }
      await sleep(30 * 60 * 1000);
    }
  }

  close(): void {
    // The poster owns nothing else to release.
  }
}
