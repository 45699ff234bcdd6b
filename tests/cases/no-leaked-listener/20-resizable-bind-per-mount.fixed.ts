// Source: https://github.com/esnet/react-timeseries-charts/issues/282
// Bug: fixed twin: the handler is bound once in the constructor, so mount and unmount name the same function.
// expect: none

export class Resizable {
  width = 0;

  constructor(private readonly container: HTMLElement) {
    this.handleResize = this.handleResize.bind(this);
  }

  componentDidMount(): void {
    window.addEventListener('resize', this.handleResize);
    this.handleResize();
  }

  componentWillUnmount(): void {
    window.removeEventListener('resize', this.handleResize);
  }

  handleResize(): void {
    this.width = this.container.offsetWidth;
  }
}
