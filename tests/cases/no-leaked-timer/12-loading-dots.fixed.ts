// Source: https://github.com/Fredolx/open-tv/pull/387
// Bug: fixed twin: the component stores the interval id and clears it in ngOnDestroy.
// expect: none

export class LoadingComponent {
  dots = '';
  private dotsTimer: ReturnType<typeof setInterval> | undefined;

  ngOnInit(): void {
    clearInterval(this.dotsTimer);
    this.dotsTimer = setInterval(() => {
      this.dots = this.dots.length >= 3 ? '' : `${this.dots}.`;
    }, 500);
  }

  ngOnDestroy(): void {
    clearInterval(this.dotsTimer);
  }
}
