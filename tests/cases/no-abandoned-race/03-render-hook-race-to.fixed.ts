// Source: https://github.com/airbnb/hypernova/pull/109
// Bug: fixed twin: the timer handle is kept and cleared in finally, and the hook receives a signal aborted in finally.
// expect: none

export const PROMISE_TIMEOUT = Symbol('PROMISE_TIMEOUT');

declare const logger: { info(message: string, meta: { timeout: number }): void };

export async function raceTo<T>(
  hook: (signal: AbortSignal) => Promise<T>,
  ms: number,
  msg: string,
): Promise<T | typeof PROMISE_TIMEOUT> {
  const controller = new AbortController();
  let timeout: ReturnType<typeof setTimeout> | undefined;
  try {
    const res = await Promise.race([
      hook(controller.signal),
      new Promise<typeof PROMISE_TIMEOUT>((resolve) => {
        timeout = setTimeout(() => resolve(PROMISE_TIMEOUT), ms);
      }),
    ]);
    if (res === PROMISE_TIMEOUT) logger.info(msg, { timeout: ms });
    return res;
  } finally {
    clearTimeout(timeout);
    controller.abort();
  }
}
