// Source: https://github.com/hyperlane-xyz/hyperlane-monorepo/pull/2084
// Bug: fixed twin: the timer handle is kept and cleared in finally, and the callback receives a signal aborted in finally.
// expect: none

export async function runWithTimeout<T>(
  timeoutMs: number,
  callback: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out in ${timeoutMs}ms.`)), timeoutMs);
  });
  try {
    return await Promise.race([callback(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

export const waitForDelivery = (check: (signal: AbortSignal) => Promise<boolean>) => runWithTimeout(60_000, check);
