// Source: https://github.com/Webador/SlmQueue/pull/42
// Bug: fixed twin (the PR's fix): the stop condition moves to the top of the loop, so it is checked on every pass, idle ones included.
// expect: none

import { setTimeout as sleep } from 'node:timers/promises';

export interface Job {
  id: string;
  run(): Promise<void>;
}

export interface JobQueue {
  pop(): Promise<Job | null>;
}

export class QueueWorker {
  private stopRequested = false;

  constructor(private readonly queue: JobQueue, private readonly idleMs: number) {}

  async processQueue(): Promise<void> {
    while (true) {
      if (this.stopRequested) break;
      const job = await this.queue.pop();
      if (!job) {
        await sleep(this.idleMs);
        continue;
      }
      await job.run();
    }
  }

  stop(): void {
    this.stopRequested = true;
  }
}
