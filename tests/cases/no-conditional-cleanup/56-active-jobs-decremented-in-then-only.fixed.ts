// Source: https://github.com/assaf/ironium/pull/43
// Bug: fixed as in the PR: the count is lowered in a `.catch()` as well as in the `.then()`, so failed jobs give their slot back too.
// expect: none

export interface Job {
  id: string;
  body: string;
}

export interface QueueClient {
  reserve(count: number): Promise<Job[]>;
  run(job: Job): Promise<void>;
}

export class Queue {
  private activeJobs = 0;

  constructor(
    private readonly client: QueueClient,
    private readonly concurrency: number,
  ) {}

  get active(): number {
    return this.activeJobs;
  }

  async processBatch(): Promise<void> {
    const free = this.concurrency - this.activeJobs;
    if (free <= 0) return;
    const jobs = await this.client.reserve(free);
    this.activeJobs += jobs.length;
    jobs.forEach((job) => {
      void this.client
        .run(job)
        .then(() => --this.activeJobs)
        .catch(() => --this.activeJobs);
    });
  }
}
