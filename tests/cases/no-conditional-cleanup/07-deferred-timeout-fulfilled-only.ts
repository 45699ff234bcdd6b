// Source: https://github.com/kriskowal/q/pull/145
// Bug: Q.timeout cleared its timer only in the fulfillment handler, so when the original promise was rejected first the timer stayed scheduled and kept the promise chain alive for the full timeout.
// expect: no-conditional-cleanup/cleanupSkippedOnSomePaths 12:9

export function timeout<T>(promise: Promise<T>, ms: number, message?: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timeoutId = setTimeout(() => {
      reject(new Error(message ?? `Timed out after ${ms} ms`));
    }, ms);
    promise.then(
      (value) => {
        clearTimeout(timeoutId);
        resolve(value);
      },
      (error: unknown) => {
        reject(error);
      },
    );
  });
}
