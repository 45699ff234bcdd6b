// Source: https://github.com/discordjs/voice/pull/25
// Bug: fixed twin: once() gets a signal aborted in finally (which removes its listener), and the timer is cleared in finally.
// expect: none

import { once, type EventEmitter } from 'node:events';

export async function entersState<T extends EventEmitter>(target: T, status: string, maxTime: number): Promise<T> {
  const controller = new AbortController();
  let timeout: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      once(target, status, { signal: controller.signal }),
      new Promise<never>((_, reject) => {
        timeout = setTimeout(() => reject(new Error(`Did not enter state ${status} within ${maxTime}ms`)), maxTime);
      }),
    ]);
    return target;
  } finally {
    clearTimeout(timeout);
    controller.abort();
  }
}
