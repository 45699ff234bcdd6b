// Source: https://github.com/reach/reach-ui/pull/17
// Bug: the unmount step called addEventListener where it meant removeEventListener, so each unmount added a second resize listener instead of removing the first.
// expect: no-leaked-listener/listenerNeverRemoved 16:5
// expect: no-leaked-listener/listenerNeverRemoved 20:5

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
    window.addEventListener('resize', this.handleResize);
  }
}
