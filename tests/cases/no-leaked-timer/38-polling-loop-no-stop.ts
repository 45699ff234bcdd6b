// Source: https://github.com/openfrontio/OpenFrontIO/pull/4535
// Bug: startPolling() ran a recursive setTimeout loop that re-armed in finally and returned no handle, so the polled services kept polling forever, even after their owner was destroyed or the server was shutting down.
// expect: no-leaked-timer/timeoutLoopNeverStops 12:7

export function startPolling(task: () => Promise<void>, intervalMs: number): void {
  const run = async (): Promise<void> => {
    try {
      await task();
    } catch (error) {
      console.error('polling task failed', error);
    } finally {
      setTimeout(run, intervalMs);
    }
  };
  void run();
}
