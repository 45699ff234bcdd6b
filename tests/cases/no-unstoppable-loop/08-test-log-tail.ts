// Source: https://github.com/vitest-dev/vitest/issues/6886
// Bug: a `while (true)` that logged and awaited a one-second timer could not be terminated: the run kept going after the user asked it to stop.
// expect: no-unstoppable-loop/loopNeverStops 13:3

import { setTimeout as sleep } from 'node:timers/promises';

export interface Logger {
  info(message: string): void;
}

export async function tailHeartbeat(logger: Logger, label: string): Promise<void> {
  let beats = 0;
  while (true) {
    beats += 1;
    logger.info(`${label}: heartbeat ${String(beats)}`);
    await sleep(1000);
  }
}
