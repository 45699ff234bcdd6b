// Source: https://github.com/russellromney/honker/pull/69
// Bug: the claim loop raced a native `updates.next()` wait against the poll timeout; `next()` cannot be cancelled, so every timed-out poll left one blocked native wait behind and the next pass started another, until the blocking thread pool filled up.
// expect: no-abandoned-race/workNeverAborted 35:13

export interface UpdateEvents {
  /** Resolves on the next database commit; backed by a blocking native wait that cannot be cancelled. */
  next(): Promise<void>;
}

export interface Job {
  id: number;
  payload: string;
}

export interface JobQueue {
  claimOne(workerId: string): Job | undefined;
}

export async function runClaimLoop(
  updates: UpdateEvents,
  queue: JobQueue,
  workerId: string,
  pollMs: number,
  signal: AbortSignal,
  work: (job: Job) => Promise<void>,
): Promise<void> {
  while (!signal.aborted) {
    const job = queue.claimOne(workerId);
    if (job) {
      await work(job);
      continue;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([updates.next(), new Promise<void>((resolve) => (timer = setTimeout(resolve, pollMs)))]);
    } finally {
      clearTimeout(timer);
    }
  }
}
