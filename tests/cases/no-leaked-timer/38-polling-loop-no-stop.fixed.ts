// Source: https://github.com/openfrontio/OpenFrontIO/pull/4535
// Bug: fixed twin: the PR's fix: startPolling() returns a handle whose stop() clears the pending run and sets a flag so a run in flight does not re-arm.
// expect: none

export interface PollingHandle {
  stop(): void;
}

export function startPolling(task: () => Promise<void>, intervalMs: number): PollingHandle {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = async (): Promise<void> => {
    try {
      await task();
    } catch (error) {
      console.error('polling task failed', error);
    } finally {
      if (!stopped) timer = setTimeout(run, intervalMs);
    }
  };
  void run();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
