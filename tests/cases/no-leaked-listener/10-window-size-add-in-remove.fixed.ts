// Source: https://github.com/reach/reach-ui/pull/17
// Bug: fixed twin: unmount removes the listener.
// expect: none

export class WindowSize {
  width = window.innerWidth;
  height = window.innerHeight;

  private handleResize = (): void => {
    this.width = window.innerWidth;
    this.height = window.innerHeight;
  };

  componentDidMount(): void {
    window.addEventListener('resize', this.handleResize);
  }

  componentWillUnmount(): void {
    window.removeEventListener('resize', this.handleResize);
  }
}
