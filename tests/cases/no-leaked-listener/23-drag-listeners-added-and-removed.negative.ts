// Source: https://github.com/bokuweb/re-resizable/pull/114
// Bug: negative: window mouse listeners are added when a resize starts and removed, by the same class fields, when it stops or the component unmounts.
// expect: none

export class ResizeHandle {
  width = 0;
  private startX = 0;

  onResizeStart(event: MouseEvent): void {
    this.startX = event.clientX;
    window.addEventListener('mousemove', this.onMouseMove);
    window.addEventListener('mouseup', this.onMouseUp);
  }

  private onMouseMove = (event: MouseEvent): void => {
    this.width += event.clientX - this.startX;
    this.startX = event.clientX;
  };

  private onMouseUp = (): void => {
    this.detach();
  };

  componentWillUnmount(): void {
    this.detach();
  }

  private detach(): void {
    window.removeEventListener('mousemove', this.onMouseMove);
    window.removeEventListener('mouseup', this.onMouseUp);
  }
}
