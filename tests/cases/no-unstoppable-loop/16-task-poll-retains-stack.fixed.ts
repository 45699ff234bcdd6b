// Source: https://github.com/machty/ember-concurrency/issues/191
// Bug: fixed twin: the task is cancellable: its owner's signal ends the timeout and the loop.
// expect: none

import { setTimeout as sleep } from 'node:timers/promises';

declare function nothingToDo(): boolean;
declare function doTheThing(): Promise<void>;

export async function pollTask(signal: AbortSignal): Promise<void> {
  while (true) {
    await sleep(1000, undefined, { signal });
    if (nothingToDo()) {
      continue;
    }
    await doTheThing();
  }
}
