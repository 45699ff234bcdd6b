// Source: https://github.com/building5/promise-timeout/issues/1
// Bug: fixed twin: the node:timers/promises timer and the ping share a signal that is aborted in finally, which cancels whichever lost.
// expect: none

import { setTimeout as sleep } from 'node:timers/promises';

const TIMED_OUT = Symbol('timed out');

declare const redis: { ping(options?: { signal?: AbortSignal }): Promise<string> };

export async function healthCheck(ms = 1000): Promise<boolean> {
  const controller = new AbortController();
  try {
    const result = await Promise.race([
      redis.ping({ signal: controller.signal }),
      sleep(ms, TIMED_OUT, { signal: controller.signal }),
    ]);
    return result !== TIMED_OUT;
  } finally {
    controller.abort();
  }
}
