// Source: https://github.com/CleverTap/clevertap-web-sdk/pull/560
// Bug: none: cancelAll() raises its draining count, then only calls built-ins that cannot throw here (clearTimeout, abort() on a controller it has just created and nobody listens to, Math.floor(performance.now())) before lowering it again, so no path skips the decrement, even with assumeCallsThrow on.
// expect: none

export class ContentFetchManager {
  private draining = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private lastCancelAt = 0;

  get isDraining(): boolean {
    return this.draining > 0;
  }

  get lastCancelledAt(): number {
    return this.lastCancelAt;
  }

  scheduleRetry(retry: () => void, delayMs: number): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(retry, delayMs);
  }

  cancelAll(reason: string): AbortSignal {
    this.draining += 1;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    const cancelled = new AbortController();
    cancelled.abort(new Error(reason));
    this.lastCancelAt = Math.floor(performance.now());
    this.draining -= 1;
    return cancelled.signal;
  }
}
