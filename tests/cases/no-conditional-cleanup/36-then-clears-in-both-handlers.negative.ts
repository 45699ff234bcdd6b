// Source: https://github.com/kriskowal/q/pull/145
// Bug: none: this is the shape of that fix, where the timer is cleared in both the fulfillment and the rejection handler of then(), so it is cancelled however the promise settles.
// expect: none

export function timeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timeoutId = setTimeout(() => {
      reject(new Error(`Timed out after ${ms} ms`));
    }, ms);
    promise.then(
      (value) => {
        clearTimeout(timeoutId);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timeoutId);
        reject(error);
      },
    );
  });
}
