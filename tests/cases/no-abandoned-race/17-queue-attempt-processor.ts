// Source: https://github.com/rafidahmed870/queue-jobs-worker/issues/12
// Bug: the per-attempt timeout rejected the wrapper but could not cancel processor(job), so a timed-out attempt kept running while its retry started; here the timer is cleared but the processor takes no signal.
// expect: no-abandoned-race/workNeverAborted 17:11

export interface Job {
  id: string;
  name: string;
  data: unknown;
  attempts: number;
}

export type Processor = (job: Job) => Promise<void>;

export async function runAttempt(job: Job, processor: Processor, timeoutMs: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      processor(job),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Job ${job.id} timed out after ${timeoutMs}ms`)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
