// Source: https://github.com/subtirelumihail/react-fullpage/pull/60
// Bug: fixed twin: the handler is one class-property arrow, added on mount and removed on unmount.
// expect: none

export class SectionsContainer {
  height = 0;

  componentDidMount(): void {
    window.addEventListener('resize', this.handleResize);
    this.handleResize();
  }

  componentWillUnmount(): void {
    window.removeEventListener('resize', this.handleResize);
  }

  handleResize = (): void => {
    this.height = window.innerHeight;
  };
}
