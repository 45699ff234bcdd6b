// Source: https://github.com/dotkom/monoweb/pull/2241
// Bug: fixed twin: run() takes the shutdown signal, checks it on every pass and sleeps on it.
// expect: none

import { setTimeout as sleep } from 'node:timers/promises';

export interface Task {
  id: string;
  kind: string;
}

export interface TaskRepository {
  claimNext(): Promise<Task | null>;
  complete(id: string): Promise<void>;
}

export class TaskExecutor {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly handlers: ReadonlyMap<string, (task: Task) => Promise<void>>,
  ) {}

  async run(signal: AbortSignal): Promise<void> {
    while (true) {
      if (signal.aborted) return;
      const task = await this.tasks.claimNext();
      if (task === null) {
        await sleep(1000, undefined, { signal }).catch(() => undefined);
        continue;
      }
      await this.handlers.get(task.kind)?.(task);
      await this.tasks.complete(task.id);
    }
  }
}
