// Source: https://github.com/machty/ember-concurrency/issues/191
// Bug: a task looped `while (true)` over a one-second timeout and did its work when there was some; after 88 minutes the page hit a stack overflow, every pass being kept reachable by the never-ending loop.
// expect: no-unstoppable-loop/loopNeverStops 11:3

import { setTimeout as sleep } from 'node:timers/promises';

declare function nothingToDo(): boolean;
declare function doTheThing(): Promise<void>;

export async function pollTask(): Promise<void> {
  while (true) {
    await sleep(1000);
    if (nothingToDo()) {
      continue;
    }
    await doTheThing();
  }
}
