// Source: https://github.com/golemfactory/golem-js/pull/8
// Bug: fixed twin: each iteration clears its timer and aborts its result wait in finally before looping again.
// expect: none

declare function waitForResults(options?: { signal?: AbortSignal }): Promise<number>;

export async function mainLoop(isFinished: () => boolean, onResults: (count: number) => void): Promise<void> {
  while (!isFinished()) {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const count = await Promise.any([
        waitForResults({ signal: controller.signal }),
        new Promise<number>((resolve) => {
          timer = setTimeout(() => resolve(0), 10_000);
        }),
      ]);
      onResults(count);
    } finally {
      clearTimeout(timer);
      controller.abort();
    }
  }
}
