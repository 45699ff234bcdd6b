// Source: https://github.com/sindresorhus/p-retry/issues/71
// Bug: fixed twin: the task's settlement removes the abort listener it added, whichever way the task ends.
// expect: none

export interface RetryOptions {
  retries: number;
  signal?: AbortSignal;
}

export function retry<T>(task: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const signal = options.signal;
    const finish = (settle: () => void): void => {
      signal?.removeEventListener('abort', onAbort);
      settle();
    };
    const onAbort = (): void => finish(() => reject(signal?.reason));
    signal?.addEventListener('abort', onAbort);
    let attempt = 0;
    const run = (): void => {
      attempt += 1;
      task(attempt).then(
        (value) => finish(() => resolve(value)),
        (error: unknown) => {
          if (attempt > options.retries) finish(() => reject(error));
          else run();
        },
      );
    };
    run();
  });
}
