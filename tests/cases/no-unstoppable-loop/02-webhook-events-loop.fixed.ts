// Source: https://github.com/snapshot-labs/snapshot-webhook/pull/299
// Bug: fixed twin: the worker takes a signal, aborts its pending interval with it, and checks it between units of work.
// expect: none

import { setTimeout as sleep } from 'node:timers/promises';

export interface EventRow {
  id: string;
  event: string;
}

declare function pendingEvents(limit: number): Promise<EventRow[]>;
declare function deliver(row: EventRow): Promise<void>;
declare function removeEvent(id: string): Promise<void>;

export async function runEvents(intervalMs: number, signal: AbortSignal): Promise<void> {
  while (true) {
    if (signal.aborted) return;
    for (const row of await pendingEvents(100)) {
      if (signal.aborted) return;
      await deliver(row);
      await removeEvent(row.id);
    }
    await sleep(intervalMs, undefined, { signal }).catch(() => undefined);
  }
}
