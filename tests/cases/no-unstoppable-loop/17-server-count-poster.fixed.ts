// Source: https://github.com/top-gg-community/python-sdk/pull/6
// Bug: fixed twin: the loop leaves once the bot client is closed, as the review asked.
// expect: none

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
      if (this.bot.isClosed()) return;
      try {
        await postServerCount(this.bot.guildCount);
      } catch {
        // A failed post is retried on the next pass.
      }
      await sleep(30 * 60 * 1000);
    }
  }
}
