// Source: https://github.com/SignalK/freeboard-sk/pull/419
// Bug: negative: the alert's progress interval is not cleared in ngOnDestroy, but it clears itself within about 2.5 s when the bar empties; an interval that clears itself is not reported.
// expect: none

export class AlertComponent {
  progressValue = 100;
  hidden = false;
  private timerRef: ReturnType<typeof setInterval> | undefined;

  show(): void {
    clearInterval(this.timerRef);
    this.timerRef = setInterval(() => {
      if (this.progressValue > 0) {
        this.progressValue -= 4;
      } else {
        this.hidden = true;
        clearInterval(this.timerRef);
      }
    }, 100);
  }

  ngOnDestroy(): void {
    this.hidden = true;
  }
}
