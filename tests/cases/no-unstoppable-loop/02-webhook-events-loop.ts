// Source: https://github.com/snapshot-labs/snapshot-webhook/pull/299
// Bug: the events worker armed a timeout into a `while (true)` that nothing could stop; graceful shutdown closed the pool underneath the still-running loop.
// expect: no-unstoppable-loop/loopNeverStops 18:3

import { setTimeout as sleep } from 'node:timers/promises';

export interface EventRow {
  id: string;
  event: string;
}

declare function pendingEvents(limit: number): Promise<EventRow[]>;
declare function deliver(row: EventRow): Promise<void>;
declare function removeEvent(id: string): Promise<void>;

export async function runEvents(intervalMs: number): Promise<void> {
  await sleep(intervalMs);
  while (true) {
    for (const row of await pendingEvents(100)) {
      await deliver(row);
      await removeEvent(row.id);
    }
    await sleep(intervalMs);
  }
}
