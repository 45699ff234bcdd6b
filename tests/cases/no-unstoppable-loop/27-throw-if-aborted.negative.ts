// Source: https://github.com/libp2p/js-libp2p/pull/3152
// Bug: negative: the loop calls signal.throwIfAborted() before each step, as the PR does around onward calls that take no signal; the throw ends the loop once the caller aborts.
// expect: none

import { mkdir } from 'node:fs/promises';

export async function ensureShards(root: string, nextShard: () => Promise<string>, signal: AbortSignal): Promise<void> {
  for (;;) {
    signal.throwIfAborted();
    const shard = await nextShard();
    await mkdir(`${root}/${shard}`, { recursive: true });
    signal.throwIfAborted();
  }
}
