// Source: https://github.com/ngageoint/hootenanny-ui/pull/1519
// Bug: negative: job status polling issues the next poll only once the last request has settled: the poll callback is registered with `.then(f, f)` (once in the constructor, then once per poll), so every re-arm replaces a timer that has already fired, and stop() clears the pending one.
// expect: none

export class JobStatusPoller {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(
    private readonly fetchStatus: () => Promise<void>,
    private readonly delayMs = 2000,
  ) {
    this.fetchStatus().then(this.scheduleNext, this.scheduleNext);
  }

  private readonly scheduleNext = (): void => {
    if (this.stopped) return;
    this.timer = setTimeout(this.poll, this.delayMs);
  };

  private readonly poll = (): void => {
    this.fetchStatus().then(this.scheduleNext, this.scheduleNext);
  };

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }
}
