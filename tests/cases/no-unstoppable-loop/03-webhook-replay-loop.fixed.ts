// Source: https://github.com/snapshot-labs/snapshot-webhook/pull/299
// Bug: fixed twin: startReplay() returns a stop() that aborts the loop's controller and waits for the in-flight pass.
// expect: none

import { setTimeout as sleep } from 'node:timers/promises';

declare function lastProcessed(): Promise<number>;
declare function fetchBlocksAfter(block: number): Promise<number[]>;
declare function replayBlock(block: number): Promise<void>;

export function startReplay(): { stop(): Promise<void> } {
  const controller = new AbortController();
  const done = replay(controller.signal);
  return {
    async stop() {
      controller.abort();
      await done;
    },
  };
}

async function replay(signal: AbortSignal): Promise<void> {
  let cursor = await lastProcessed();
  for (;;) {
    if (signal.aborted) break;
    const blocks = await fetchBlocksAfter(cursor);
    for (const block of blocks) {
      await replayBlock(block);
      cursor = block;
    }
    if (blocks.length === 0) await sleep(10_000, undefined, { signal }).catch(() => undefined);
  }
}
