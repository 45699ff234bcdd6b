// Source: https://github.com/testem/testem/pull/807
// Bug: restarting a run armed a new test timeout without cancelling the existing one, so leaked timeouts fired spurious timeout errors after restarts.
// expect: no-leaked-timer/timerOverwritten 11:5

export class BrowserRunner {
  private timeoutTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly timeoutMs: number, private readonly onTimeout: () => void) {}

  start(): void {
    this.timeoutTimer = setTimeout(() => {
      this.timeoutTimer = null;
      this.onTimeout();
    }, this.timeoutMs);
  }

  finish(): void {
    if (this.timeoutTimer) clearTimeout(this.timeoutTimer);
    this.timeoutTimer = null;
  }
}
