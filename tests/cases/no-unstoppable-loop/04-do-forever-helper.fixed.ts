// Source: https://github.com/cowprotocol/bff/pull/246
// Bug: fixed twin: the helper takes a signal, stops when it aborts, and sleeps interruptibly.
// expect: none

import { setTimeout as sleep } from 'node:timers/promises';

export interface DoForeverParams {
  name: string;
  callback: () => Promise<void>;
  waitTimeMilliseconds: number;
  log?: (message: string) => void;
  signal?: AbortSignal;
}

export async function doForever({ name, callback, waitTimeMilliseconds, log, signal }: DoForeverParams): Promise<void> {
  while (true) {
    if (signal?.aborted) {
      log?.(`[${name}] stopping`);
      return;
    }
    try {
      await callback();
    } catch (error) {
      log?.(`[${name}] failed: ${String(error)}`);
    }
    await sleep(waitTimeMilliseconds, undefined, { signal }).catch(() => undefined);
  }
}
