// Source: https://github.com/mouse0270/bootstrap-notify/issues/133
// Bug: fixed twin: closing the notification also stops its progress interval.
// expect: none

export class Notification {
  private progress = 0;
  private readonly progressTimer: ReturnType<typeof setInterval>;

  constructor(private readonly element: HTMLElement, private readonly delay: number) {
    this.progressTimer = setInterval(() => {
      this.progress += 100 / (this.delay / 100);
      this.element.style.setProperty('--progress', `${this.progress}%`);
    }, 100);
  }

  close(): void {
    clearInterval(this.progressTimer);
    this.element.remove();
  }
}
