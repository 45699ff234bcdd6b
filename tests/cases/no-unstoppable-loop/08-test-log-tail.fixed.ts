// Source: https://github.com/vitest-dev/vitest/issues/6886
// Bug: fixed twin: the heartbeat takes a signal and its timer rejects when the signal aborts, which ends the loop.
// expect: none

import { setTimeout as sleep } from 'node:timers/promises';

export interface Logger {
  info(message: string): void;
}

export async function tailHeartbeat(logger: Logger, label: string, signal: AbortSignal): Promise<void> {
  let beats = 0;
  while (true) {
    beats += 1;
    logger.info(`${label}: heartbeat ${String(beats)}`);
    await sleep(1000, undefined, { signal });
  }
}
