// Source: https://github.com/alibaba/butterfly/issues/970
// Bug: fixed twin: destroy() clears the resize interval before dropping the nodes.
// expect: none

interface DiagramNode {
  forceUpdateSize: boolean;
}

export class Canvas {
  nodes: DiagramNode[] = [];
  private updateInterval: ReturnType<typeof setInterval>;

  constructor(readonly root: HTMLElement) {
    this.updateInterval = setInterval(() => {
      for (const node of this.nodes) node.forceUpdateSize = true;
    }, 5000);
  }

  destroy(): void {
    clearInterval(this.updateInterval);
    this.nodes = [];
    this.root.replaceChildren();
  }
}
