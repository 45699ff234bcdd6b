// Source: https://github.com/vitalets/await-timeout/issues/12
// Bug: none: the fallback delay is a node:timers/promises timer whose signal is aborted in finally, and the same signal cancels the render when the delay wins.
// expect: none

import { setTimeout as sleep } from 'node:timers/promises';

const TIMED_OUT = Symbol('timed out');

declare function renderThumbnail(path: string, options: { signal: AbortSignal }): Promise<Uint8Array>;

export async function thumbnailOrPlaceholder(path: string, placeholder: Uint8Array, ms = 2_000): Promise<Uint8Array> {
  const controller = new AbortController();
  try {
    const result = await Promise.race([
      renderThumbnail(path, { signal: controller.signal }),
      sleep(ms, TIMED_OUT, { signal: controller.signal }),
    ]);
    return result === TIMED_OUT ? placeholder : result;
  } finally {
    controller.abort();
  }
}
