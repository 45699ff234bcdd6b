// Source: https://github.com/kriskowal/q/pull/145
// Bug: fixed: the timer is armed inside an async task that awaits the promise in try and clears the timer in finally, so a rejection also cancels it.
// expect: none

export function timeout<T>(promise: Promise<T>, ms: number, message?: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    void (async () => {
      const timeoutId = setTimeout(() => {
        reject(new Error(message ?? `Timed out after ${ms} ms`));
      }, ms);
      try {
        resolve(await promise);
      } catch (error: unknown) {
        reject(error);
      } finally {
        clearTimeout(timeoutId);
      }
    })();
  });
}
