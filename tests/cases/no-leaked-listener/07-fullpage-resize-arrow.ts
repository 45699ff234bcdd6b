// Source: https://github.com/subtirelumihail/react-fullpage/pull/60
// Bug: the resize listener was added as an inline arrow and 'removed' with another inline arrow on unmount, which removes nothing, so every mounted page section stayed attached to window.
// expect: no-leaked-listener/inlineListenerNeverRemoved 9:5

export class SectionsContainer {
  height = 0;

  componentDidMount(): void {
    window.addEventListener('resize', () => this.handleResize());
    this.handleResize();
  }

  componentWillUnmount(): void {
    window.removeEventListener('resize', () => this.handleResize());
  }

  handleResize(): void {
    this.height = window.innerHeight;
  }
}
