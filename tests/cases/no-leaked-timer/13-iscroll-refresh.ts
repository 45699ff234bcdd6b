// Source: https://github.com/mtr/angular-iscroll/issues/6
// Bug: the directive's refresh interval was not cleared on the scope's destroy signal, so it kept refreshing a scroller that no longer existed.
// expect: no-leaked-timer/intervalNeverCleared 16:21

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
    scroller.destroy();
  });
}
