// Source: https://github.com/dotkom/monoweb/pull/2241
// Bug: the background task executor's run loop could not be interrupted, so shutdown could neither stop it nor wait for it; the PR drives the loop with an AbortController that shutdown aborts and awaits.
// expect: no-unstoppable-loop/loopOutlivesTeardown 24:5

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

  async run(): Promise<void> {
    while (true) {
      const task = await this.tasks.claimNext();
      if (task === null) {
        await sleep(1000);
        continue;
      }
      await this.handlers.get(task.kind)?.(task);
      await this.tasks.complete(task.id);
    }
  }

  shutdown(): void {
    // Nothing to do: the loop keeps its own schedule.
  }
}
