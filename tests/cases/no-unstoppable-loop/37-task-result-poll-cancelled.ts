// Source: https://github.com/modelcontextprotocol/typescript-sdk/pull/2019
// Bug: the server's automatic task polling looped until the task reached a terminal status and never looked at the request's abort signal, so a cancelled request went on polling the task store indefinitely.
// expect: no-unstoppable-loop/signalNeverChecked 22:3

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
    const task = await store.get(taskId);
    if (TERMINAL.has(task.status)) return task;
    await sleep(extra.pollMs);
  }
}
