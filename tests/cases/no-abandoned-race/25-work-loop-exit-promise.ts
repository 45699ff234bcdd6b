// Source: https://github.com/nodejs/node/issues/17469
// Bug: a worker loop raced one long-lived exitPromise against each step; every iteration added a reaction to exitPromise that was only released at exit, so memory grew until the process crashed.
// expect: no-abandoned-race/raceInLoop 12:13

declare function doWork(options: { signal: AbortSignal }): Promise<void>;

export async function workLoop(exitPromise: Promise<void>, shouldExit: () => boolean): Promise<void> {
  while (!shouldExit()) {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([
        exitPromise,
        doWork({ signal: controller.signal }),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('work step timed out')), 5_000);
        }),
      ]);
    } finally {
      clearTimeout(timer);
      controller.abort();
    }
  }
}
