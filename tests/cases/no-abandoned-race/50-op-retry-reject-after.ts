// Source: https://github.com/trvswgnr/prodkit/pull/1
// Bug: withTimeout raised a TimeoutError but left the losing attempt (fetch, DB query) running with its socket open, and the retry loop started the next attempt beside it, although the operation could take a signal.
// expect: no-abandoned-race/timerNeverCleared 14:20
// expect: no-abandoned-race/signalNotPassed 14:20

import { rejectAfter } from './50-op-retry-reject-after.lib.js';

export type Attempt<T> = (context?: { signal?: AbortSignal }) => Promise<T>;

export async function tryWithRetries<T>(attempt: Attempt<T>, retries: number, timeoutMs: number): Promise<T> {
  let lastError: unknown = new Error('no attempt made');
  for (let i = 0; i <= retries; i++) {
    try {
      return await Promise.race([attempt(), rejectAfter(timeoutMs)]);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}
