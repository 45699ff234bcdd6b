// Source: https://github.com/Fredolx/open-tv/pull/387
// Bug: the loading component's setInterval was never cleared, leaking one interval on every create/destroy cycle of the component.
// expect: no-leaked-timer/intervalNeverCleared 9:5

export class LoadingComponent {
  dots = '';

  ngOnInit(): void {
    setInterval(() => {
      this.dots = this.dots.length >= 3 ? '' : `${this.dots}.`;
    }, 500);
  }
}
