// Source: https://github.com/snapshot-labs/snapshot-webhook/pull/299
// Bug: the replay worker was fired and forgotten at startup and looped forever over new blocks, so it kept querying through the shutdown drain and failed once the pool was closed.
// expect: no-unstoppable-loop/loopNeverStops 17:3

import { setTimeout as sleep } from 'node:timers/promises';

declare function lastProcessed(): Promise<number>;
declare function fetchBlocksAfter(block: number): Promise<number[]>;
declare function replayBlock(block: number): Promise<void>;

export function startReplay(): void {
  void replay();
}

async function replay(): Promise<void> {
  let cursor = await lastProcessed();
  for (;;) {
    const blocks = await fetchBlocksAfter(cursor);
    for (const block of blocks) {
      await replayBlock(block);
      cursor = block;
    }
    if (blocks.length === 0) await sleep(10_000);
  }
}
