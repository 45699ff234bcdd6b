// Stop 030 (the job poller): the service polls a queue for jobs in the
// background, one poller per tenant, and closes a tenant's poller when the
// tenant is unloaded.
// Leak: the poll loop is a `while (true)` with no way out. close() clears the
// poller's state, but the loop keeps polling, sleeping and holding the poller
// (and its handler's closure) after every unload; each reload adds another.
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

  constructor(
    private readonly queue: JobQueue,
    private readonly tenant: string,
    private readonly handle: (job: Job) => Promise<void>,
  ) {}

  start(): void {
    void this.loop();
  }

  get count(): number {
    return this.processed;
  }

  close(): void {
    this.processed = 0;
  }

  private async loop(): Promise<void> {
    while (true) {
      const job = await this.queue.take(this.tenant);
      if (job) {
        await this.handle(job);
        this.processed += 1;
      } else {
        await sleep(IDLE_MS);
      }
    }
  }
}
