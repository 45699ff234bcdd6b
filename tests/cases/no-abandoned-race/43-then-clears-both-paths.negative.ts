// Source: https://github.com/airbnb/hypernova/pull/109
// Bug: none: the race's .then() clears the timer in both the fulfilment and the rejection handler (every path), and the timer aborts the hook's controller.
// expect: none

export function raceTo<T>(hook: (signal: AbortSignal) => Promise<T>, ms: number): Promise<T | null> {
  const controller = new AbortController();
  let timeout: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    hook(controller.signal),
    new Promise<null>((resolve) => {
      timeout = setTimeout(() => {
        controller.abort();
        resolve(null);
      }, ms);
    }),
  ]).then(
    (res) => {
      clearTimeout(timeout);
      return res;
    },
    (err: unknown) => {
      clearTimeout(timeout);
      throw err;
    },
  );
}
