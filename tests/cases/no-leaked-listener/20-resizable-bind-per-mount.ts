// Source: https://github.com/esnet/react-timeseries-charts/issues/282
// Bug: the Resizable component added a window 'resize' listener made fresh on mount and tried to remove a different one on unmount, so unmounted charts and their data stayed reachable from window.
// expect: no-leaked-listener/inlineListenerNeverRemoved 11:5

export class Resizable {
  width = 0;

  constructor(private readonly container: HTMLElement) {}

  componentDidMount(): void {
    window.addEventListener('resize', this.handleResize.bind(this));
    this.handleResize();
  }

  componentWillUnmount(): void {
    window.removeEventListener('resize', this.handleResize.bind(this));
  }

  handleResize(): void {
    this.width = this.container.offsetWidth;
  }
}
