// Source: https://github.com/russellromney/honker/pull/69
// Bug: fixed twin (the PR and its follow-ups #70/#71): one shared native wait serves every poll, and each poll subscribes a waiter of its own that it cancels when the poll timer wins, so a timed-out poll leaves nothing behind.
// expect: none

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

class SharedUpdates {
  private pending: Promise<void> | undefined;
  private readonly waiters = new Set<() => void>();

  constructor(private readonly source: UpdateEvents) {}

  /** Wakes on the next commit; never starts a second native wait while one is pending. */
  wake(): { promise: Promise<void>; cancel: () => void } {
    let wake!: () => void;
    const promise = new Promise<void>((resolve) => (wake = resolve));
    this.waiters.add(wake);
    this.pending ??= this.source.next().finally(() => {
      this.pending = undefined;
      for (const waiter of this.waiters) waiter();
      this.waiters.clear();
    });
    return { promise, cancel: () => this.waiters.delete(wake) };
  }
}

export async function runClaimLoop(
  updates: UpdateEvents,
  queue: JobQueue,
  workerId: string,
  pollMs: number,
  signal: AbortSignal,
  work: (job: Job) => Promise<void>,
): Promise<void> {
  const shared = new SharedUpdates(updates);
  while (!signal.aborted) {
    const job = queue.claimOne(workerId);
    if (job) {
      await work(job);
      continue;
    }
    const { promise: committed, cancel } = shared.wake();
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([committed, new Promise<void>((resolve) => (timer = setTimeout(resolve, pollMs)))]);
    } finally {
      clearTimeout(timer);
      cancel();
    }
  }
}
