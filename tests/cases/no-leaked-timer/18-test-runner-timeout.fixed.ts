// Source: https://github.com/testem/testem/pull/807
// Bug: fixed twin: start() cancels an existing timeout before arming the next.
// expect: none

export class BrowserRunner {
  private timeoutTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly timeoutMs: number, private readonly onTimeout: () => void) {}

  start(): void {
    this.finish();
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
