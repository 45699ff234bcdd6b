// Source: https://github.com/cowprotocol/bff/pull/246
// Bug: the shared doForever() helper ran its callback in a `while (true)` between wake-up sleeps; nothing could end it, so tests and shutdown waited on it. The PR adds a running flag and an AbortSignal.
// expect: no-unstoppable-loop/loopNeverStops 15:3

import { setTimeout as sleep } from 'node:timers/promises';

export interface DoForeverParams {
  name: string;
  callback: () => Promise<void>;
  waitTimeMilliseconds: number;
  log?: (message: string) => void;
}

export async function doForever({ name, callback, waitTimeMilliseconds, log }: DoForeverParams): Promise<void> {
  while (true) {
    try {
      await callback();
    } catch (error) {
      log?.(`[${name}] failed: ${String(error)}`);
    }
    await sleep(waitTimeMilliseconds);
  }
}
