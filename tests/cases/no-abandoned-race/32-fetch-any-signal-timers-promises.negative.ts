// Source: https://github.com/meilisearch/meilisearch-js/issues/1654
// Bug: none: fetch gets AbortSignal.any() of a per-call controller and AbortSignal.timeout(), and the raced node:timers/promises timer listens to that controller, which finally aborts.
// expect: none

import { setTimeout as sleep } from 'node:timers/promises';

const GAVE_UP = Symbol('gave up');

export async function fetchOrGiveUp(url: string, ms: number): Promise<Response | undefined> {
  const controller = new AbortController();
  const signal = AbortSignal.any([controller.signal, AbortSignal.timeout(ms)]);
  try {
    const result = await Promise.race([
      fetch(url, { signal }),
      sleep(ms, GAVE_UP, { signal: controller.signal }),
    ]);
    return result === GAVE_UP ? undefined : result;
  } finally {
    controller.abort();
  }
}
