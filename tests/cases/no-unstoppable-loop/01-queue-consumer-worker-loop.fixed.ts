// Source: https://github.com/platformatic/job-queue/issues/15
// Bug: fixed twin: the worker loop leaves as soon as the running flag is cleared or the stop controller is aborted.
// expect: none

export interface JobStorage {
  dequeue(workerId: string, blockSeconds: number): Promise<Buffer | null>;
  unregisterWorker(workerId: string): Promise<void>;
}

export class Consumer {
  #running = false;
  #controller = new AbortController();

  constructor(
    private readonly storage: JobStorage,
    private readonly workerId: string,
    private readonly handle: (message: Buffer) => Promise<void>,
  ) {}

  start(): void {
    this.#running = true;
    this.#controller = new AbortController();
    void this.#workerLoop();
  }

  async stop(): Promise<void> {
    this.#running = false;
    this.#controller.abort();
    await this.storage.unregisterWorker(this.workerId);
  }

  get running(): boolean {
    return this.#running;
  }

  async #workerLoop(): Promise<void> {
    while (true) {
      if (!this.#running || this.#controller.signal.aborted) break;
      const message = await this.storage.dequeue(this.workerId, 5);
      if (!message) continue;
      await this.handle(message);
    }
  }
}
