// Source: https://github.com/machty/ember-concurrency/issues/191
// Bug: negative: the task written as a generator yields on every pass, so the task runner that drives it can cancel it at any yield; there is no await to outlive.
// expect: none

export interface Timeout {
  ms: number;
}

declare function nothingToDo(): boolean;
declare function doTheThing(): Promise<void>;

export function* pollTask(): Generator<Timeout | Promise<void>, void, unknown> {
  while (true) {
    yield { ms: 1000 };
    if (nothingToDo()) {
      continue;
    }
    yield doTheThing();
  }
}
