// Stop 030, fixed: close() aborts the poller's controller. The loop checks the
// signal on every pass and sleeps on it, so an idle poller stops at once and a
// busy one after the job in hand.
import { setTimeout as sleep } from 'node:timers/promises';

export interface Job {
  id: string;
  payload: string;
}

export interface JobQueue {
  take(tenant: string): Promise<Job | undefined>;
}

const IDLE_MS = 2_000;

export class QueuePoller {
  private processed = 0;
  private readonly controller = new AbortController();

  constructor(
    private readonly queue: JobQueue,
    private readonly tenant: string,
    private readonly handle: (job: Job) => Promise<void>,
  ) {}

  start(): void {
    void this.loop(this.controller.signal);
  }

  get count(): number {
    return this.processed;
  }

  close(): void {
    this.controller.abort();
    this.processed = 0;
  }

  private async loop(signal: AbortSignal): Promise<void> {
    while (true) {
      if (signal.aborted) return;
      const job = await this.queue.take(this.tenant);
      if (job) {
        await this.handle(job);
        this.processed += 1;
      } else {
        await sleep(IDLE_MS, undefined, { signal }).catch(() => undefined);
      }
    }
  }
}
