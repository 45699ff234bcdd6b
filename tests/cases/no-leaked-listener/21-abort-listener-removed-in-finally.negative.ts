// Source: https://github.com/nodejs/node/pull/62288
// Bug: negative: the caller's signal gets an 'abort' listener that is removed in finally, so it goes when the work ends without an abort (the manual removal the Node.js docs change recommends).
// expect: none

export async function withAbort<T>(signal: AbortSignal, work: () => Promise<T>, onAbort: () => void): Promise<T> {
  signal.throwIfAborted();
  const listener = (): void => onAbort();
  signal.addEventListener('abort', listener);
  try {
    return await work();
  } finally {
    signal.removeEventListener('abort', listener);
  }
}
