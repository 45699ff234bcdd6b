// Source: https://github.com/piscinajs/piscina/pull/77
// Bug: fixed twin (idiomatic): the PR made the listener `{ once: true }`, which still leaves one per finished task on a signal that never aborts; the twin also removes it when the task settles.
// expect: none

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
    const { signal } = options;
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        task.aborted = true;
        reject(new Error('The task has been aborted'));
      };
      const settle = (finish: () => void): void => {
        signal?.removeEventListener('abort', onAbort);
        finish();
      };
      const task: QueuedTask = {
        payload,
        aborted: false,
        resolve: (value) => settle(() => resolve(value)),
        reject: (reason) => settle(() => reject(reason)),
      };
      signal?.addEventListener('abort', onAbort, { once: true });
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
