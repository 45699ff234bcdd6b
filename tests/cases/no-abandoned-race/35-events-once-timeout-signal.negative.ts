// Source: https://github.com/OpenCTI-Platform/opencti/pull/15008
// Bug: none: both events.once() waits take one signal (a controller aborted in finally, combined with AbortSignal.timeout()), so the losing listener is removed and no timer is raced.
// expect: none

import { once, type EventEmitter } from 'node:events';

export async function waitUntilReady(worker: EventEmitter, ms = 5_000): Promise<void> {
  const controller = new AbortController();
  const signal = AbortSignal.any([controller.signal, AbortSignal.timeout(ms)]);
  try {
    await Promise.race([
      once(worker, 'ready', { signal }),
      once(worker, 'error', { signal }).then(([error]) => Promise.reject(error)),
    ]);
  } finally {
    controller.abort();
  }
}
