// Source: https://github.com/nodejs/node/issues/17469
// Bug: fixed twin: exit is an AbortSignal folded into each step's signal with AbortSignal.any(), so no long-lived promise is raced on every iteration.
// expect: none

declare function doWork(options: { signal: AbortSignal }): Promise<void>;

export async function workLoop(exitSignal: AbortSignal): Promise<void> {
  while (!exitSignal.aborted) {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([
        doWork({ signal: AbortSignal.any([exitSignal, controller.signal]) }),
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
