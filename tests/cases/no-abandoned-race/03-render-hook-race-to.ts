// Source: https://github.com/airbnb/hypernova/pull/109
// Bug: raceTo() bounded each render lifecycle hook with a setTimeout that resolved a sentinel but was never cleared, so every fast hook left its timer pending for the full timeout.
// expect: no-abandoned-race/timerNeverCleared 15:10
// expect: no-abandoned-race/workNeverAborted 15:10

export const PROMISE_TIMEOUT = Symbol('PROMISE_TIMEOUT');

declare const logger: { info(message: string, meta: { timeout: number }): void };

export function raceTo<T>(
  hook: () => Promise<T>,
  ms: number,
  msg: string,
): Promise<T | typeof PROMISE_TIMEOUT> {
  return Promise.race([
    hook(),
    new Promise<typeof PROMISE_TIMEOUT>((resolve) => setTimeout(() => resolve(PROMISE_TIMEOUT), ms)),
  ]).then((res) => {
    if (res === PROMISE_TIMEOUT) logger.info(msg, { timeout: ms });
    return res;
  });
}
