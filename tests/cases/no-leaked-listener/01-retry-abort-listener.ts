// Source: https://github.com/sindresorhus/p-retry/issues/71
// Bug: each retried task added an 'abort' listener to the caller's signal and removed it only on abort, so a signal shared by many tasks collected one listener per task (MaxListenersExceededWarning).
// expect: no-leaked-listener/listenerNeverRemoved 14:5

export interface RetryOptions {
  retries: number;
  signal?: AbortSignal;
}

export function retry<T>(task: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const signal = options.signal;
    const onAbort = (): void => reject(signal?.reason);
    signal?.addEventListener('abort', onAbort);
    let attempt = 0;
    const run = (): void => {
      attempt += 1;
      task(attempt).then(resolve, (error: unknown) => {
        if (attempt > options.retries) reject(error);
        else run();
      });
    };
    run();
  });
}
