// Source: https://github.com/modelcontextprotocol/typescript-sdk/pull/2019
// Bug: fixed twin (the PR's fix): the polling loop leaves when the request's signal is aborted, and passes the signal to its sleep.
// expect: none

import { setTimeout as sleep } from 'node:timers/promises';

export type TaskStatus = 'working' | 'input_required' | 'completed' | 'failed' | 'cancelled';

export interface TaskRecord {
  id: string;
  status: TaskStatus;
  result?: unknown;
}

export interface TaskStore {
  get(id: string): Promise<TaskRecord>;
}

const TERMINAL: ReadonlySet<TaskStatus> = new Set(['completed', 'failed', 'cancelled']);

export async function pollTaskResult(store: TaskStore, taskId: string, extra: { signal: AbortSignal; pollMs: number }): Promise<TaskRecord> {
  while (true) {
    extra.signal.throwIfAborted();
    const task = await store.get(taskId);
    if (TERMINAL.has(task.status)) return task;
    await sleep(extra.pollMs, undefined, { signal: extra.signal });
  }
}
