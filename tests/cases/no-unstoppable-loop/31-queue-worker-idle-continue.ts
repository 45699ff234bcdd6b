// Source: https://github.com/Webador/SlmQueue/pull/42
// Bug: the queue worker tested its stop conditions only after it had processed a job; when the queue returned nothing it slept and `continue`d, so a stop request (or a signal handler's flag) was never seen while the queue stayed empty (re-expressed from a PHP worker loop).
// expect: no-unstoppable-loop/loopOutlivesTeardown 22:5

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
      const job = await this.queue.pop();
      if (!job) {
        await sleep(this.idleMs);
        continue;
      }
      await job.run();
      if (this.stopRequested) break;
    }
  }

  stop(): void {
    this.stopRequested = true;
  }
}
