// Source: https://github.com/golemfactory/golem-js/pull/8
// Bug: the main task loop got a setTimeout-based timeout inside Promise.any() so it could re-check for completion; in that shape every pass leaves its timer and its uncancelled result wait behind.
// expect: no-abandoned-race/timerNeverCleared 10:25
// expect: no-abandoned-race/signalNotPassed 10:25

declare function waitForResults(options?: { signal?: AbortSignal }): Promise<number>;

export async function mainLoop(isFinished: () => boolean, onResults: (count: number) => void): Promise<void> {
  while (!isFinished()) {
    const count = await Promise.any([
      waitForResults(),
      new Promise<number>((resolve) => setTimeout(() => resolve(0), 10_000)),
    ]);
    onResults(count);
  }
}
