// Source: https://github.com/cowprotocol/bff/pull/246
// Bug: negative: the loop's only wait is an interruptible sleep given the caller's signal; when the signal aborts, the sleep rejects and the rejection leaves the loop.
// expect: none

import { setTimeout as sleep } from 'node:timers/promises';

export async function refreshForever(refresh: () => Promise<void>, waitMs: number, signal: AbortSignal): Promise<void> {
  while (true) {
    await refresh();
    await sleep(waitMs, undefined, { signal });
  }
}
