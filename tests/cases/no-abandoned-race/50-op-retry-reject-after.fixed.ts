// Source: https://github.com/trvswgnr/prodkit/pull/1
// Bug: fixed twin: each attempt gets a signal that the timeout aborts, the timer is a `node:timers/promises` timer on that signal, and the signal is aborted when the attempt settles.
// expect: none

import { setTimeout as delay } from 'node:timers/promises';
import { OpTimeoutError } from './50-op-retry-reject-after.lib.js';

export type Attempt<T> = (context?: { signal?: AbortSignal }) => Promise<T>;

export async function tryWithRetries<T>(attempt: Attempt<T>, retries: number, timeoutMs: number): Promise<T> {
  let lastError: unknown = new Error('no attempt made');
  for (let i = 0; i <= retries; i++) {
    const controller = new AbortController();
    try {
      return await Promise.race([
        attempt({ signal: controller.signal }),
        delay(timeoutMs, undefined, { signal: controller.signal }).then(() => {
          throw new OpTimeoutError(timeoutMs);
        }),
      ]);
    } catch (error) {
      lastError = error;
    } finally {
      controller.abort();
    }
  }
  throw lastError;
}
