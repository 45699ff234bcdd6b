// Source: https://github.com/mtr/angular-iscroll/issues/6
// Bug: fixed twin: the destroy listener clears the refresh interval too.
// expect: none

interface Scroller {
  refresh(): void;
  destroy(): void;
}

interface Scope {
  $on(event: '$destroy', listener: () => void): void;
}

export function linkScroller(scope: Scope, createScroller: () => Scroller, refreshMs: number): void {
  const scroller = createScroller();
  const refresher = setInterval(() => scroller.refresh(), refreshMs);
  scope.$on('$destroy', () => {
    clearInterval(refresher);
    scroller.destroy();
  });
}
