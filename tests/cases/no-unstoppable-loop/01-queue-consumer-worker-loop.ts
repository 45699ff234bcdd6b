// Source: https://github.com/platformatic/job-queue/issues/15
// Bug: the consumer's worker loop dequeued with `while (true)` and never looked at the running flag, so `stop()` returned while the loop went on dequeuing and processing jobs.
// expect: no-unstoppable-loop/loopOutlivesTeardown 34:5

export interface JobStorage {
  dequeue(workerId: string, blockSeconds: number): Promise<Buffer | null>;
  unregisterWorker(workerId: string): Promise<void>;
}

export class Consumer {
  #running = false;

  constructor(
    private readonly storage: JobStorage,
    private readonly workerId: string,
    private readonly handle: (message: Buffer) => Promise<void>,
  ) {}

  start(): void {
    this.#running = true;
    void this.#workerLoop();
  }

  async stop(): Promise<void> {
    this.#running = false;
    await this.storage.unregisterWorker(this.workerId);
  }

  get running(): boolean {
    return this.#running;
  }

  async #workerLoop(): Promise<void> {
    while (true) {
      const message = await this.storage.dequeue(this.workerId, 5);
      if (!message) continue;
      await this.handle(message);
    }
  }
}
