// Source: https://github.com/all-of-us/workbench/pull/2835
// Bug: negative: the proposed clearAndSetTimeout pattern: a private helper clears the previous handle before it arms the next, and unmount clears the last one.
// expect: none

export class InteractiveNotebook {
  private pollTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly checkStatus: () => void) {}

  private clearAndSetTimeout(run: () => void, millis: number): void {
    clearTimeout(this.pollTimer);
    this.pollTimer = setTimeout(run, millis);
  }

  onStatusChange(busy: boolean): void {
    if (busy) this.clearAndSetTimeout(() => this.checkStatus(), 2000);
  }

  componentWillUnmount(): void {
    clearTimeout(this.pollTimer);
  }
}
