// Source: https://github.com/lukeed/sockette/pull/48
// Bug: negative: the fix: the reconnect timer is armed only while no close was requested and no timer is pending, and close() clears it.
// expect: none

export class Sockette {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private closing = false;

  constructor(private readonly open: () => void, private readonly delayMs = 1000) {}

  onClose(): void {
    if (this.closing || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.open();
    }, this.delayMs);
  }

  close(): void {
    this.closing = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
