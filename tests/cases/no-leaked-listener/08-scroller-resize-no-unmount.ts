// Source: https://github.com/huangbinjie/react-scroll/issues/2
// Bug: the scroller added a window 'resize' listener on mount and had no unmount step to remove it, so every scroller ever mounted stayed reachable from window.
// expect: no-leaked-listener/listenerNeverRemoved 11:5

export class Scroller {
  private viewport = 0;

  constructor(private readonly element: HTMLElement) {}

  componentDidMount(): void {
    window.addEventListener('resize', this.onResize);
    this.onResize();
  }

  private onResize = (): void => {
    this.viewport = this.element.clientHeight;
  };

  get height(): number {
    return this.viewport;
  }
}
