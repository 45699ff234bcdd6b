// Source: https://github.com/mouse0270/bootstrap-notify/issues/133
// Bug: a notification's progress interval was not cleaned up when the user closed it by hand, so every closed notification's callback stayed reachable.
// expect: no-leaked-timer/timerNotClearedOnTeardown 10:5

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
    this.element.remove();
  }
}
