// Source: https://github.com/assaf/ironium/pull/43
// Bug: the queue raised its active-job count by the size of each reserved batch and lowered it in each job's `.then()` only, so every job that failed kept its slot and continuous processing stalled once failures filled the limit.
// expect: no-conditional-cleanup/cleanupSkippedOnSomePaths 34:44
// not yet: a count raised by a batch size (+= n) is not an acquire, and a .then inside a forEach callback is taken as handed on

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
      void this.client.run(job).then(() => --this.activeJobs);
    });
  }
}
