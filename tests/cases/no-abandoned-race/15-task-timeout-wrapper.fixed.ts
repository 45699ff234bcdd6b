// Source: https://github.com/graphile/worker/issues/278
// Bug: fixed twin: the task's abortSignal combines the worker's signal with one aborted when the race settles, and the timer is cleared in finally.
// expect: none

export interface JobHelpers {
  jobId: string;
  abortSignal: AbortSignal;
  logger: { info(message: string): void };
}

export type Task = (payload: unknown, helpers: JobHelpers) => Promise<void>;

export const timeout =
  (duration: number, task: Task): Task =>
  async (payload, helpers) => {
    const controller = new AbortController();
    const abortSignal = AbortSignal.any([helpers.abortSignal, controller.signal]);
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('Timeout')), duration);
        }),
        task(payload, { ...helpers, abortSignal }),
      ]);
    } finally {
      clearTimeout(timer);
      controller.abort();
    }
  };
