// Source: https://github.com/huangbinjie/react-scroll/issues/2
// Bug: fixed twin: componentWillUnmount removes the listener that componentDidMount added.
// expect: none

export class Scroller {
  private viewport = 0;

  constructor(private readonly element: HTMLElement) {}

  componentDidMount(): void {
    window.addEventListener('resize', this.onResize);
    this.onResize();
  }

  componentWillUnmount(): void {
    window.removeEventListener('resize', this.onResize);
  }

  private onResize = (): void => {
    this.viewport = this.element.clientHeight;
  };

  get height(): number {
    return this.viewport;
  }
}
