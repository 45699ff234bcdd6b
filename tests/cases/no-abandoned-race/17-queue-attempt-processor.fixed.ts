// Source: https://github.com/rafidahmed870/queue-jobs-worker/issues/12
// Bug: fixed twin (as in the fix PR): the processor takes an AbortSignal that the attempt's timer aborts before rejecting; the timer is still cleared in finally.
// expect: none

export interface Job {
  id: string;
  name: string;
  data: unknown;
  attempts: number;
}

export type Processor = (job: Job, signal: AbortSignal) => Promise<void>;

export async function runAttempt(job: Job, processor: Processor, timeoutMs: number): Promise<void> {
  const abortController = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      processor(job, abortController.signal),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          const timeoutError = new Error(`Job ${job.id} timed out after ${timeoutMs}ms`);
          abortController.abort(timeoutError);
          reject(timeoutError);
        }, timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
