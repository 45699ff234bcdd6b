// Source: https://github.com/piscinajs/piscina/pull/77
// Bug: every run() added an 'abort' listener to the caller's signal and kept it after the task finished, so one signal shared by many tasks collected a listener per task.
// expect: no-leaked-listener/inlineListenerNeverRemoved 24:7

export interface RunOptions {
  signal?: AbortSignal;
}

interface QueuedTask {
  payload: unknown;
  aborted: boolean;
  resolve(value: unknown): void;
  reject(reason: unknown): void;
}

export class Pool {
  private readonly queue: QueuedTask[] = [];

  constructor(private readonly execute: (payload: unknown) => Promise<unknown>) {}

  run(payload: unknown, options: RunOptions = {}): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const task: QueuedTask = { payload, aborted: false, resolve, reject };
      options.signal?.addEventListener('abort', () => {
        task.aborted = true;
        reject(new Error('The task has been aborted'));
      });
      this.queue.push(task);
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    for (let task = this.queue.shift(); task; task = this.queue.shift()) {
      if (task.aborted) continue;
      try {
        task.resolve(await this.execute(task.payload));
      } catch (error) {
        task.reject(error);
      }
    }
  }
}
