// Source: https://github.com/alibaba/butterfly/issues/970
// Bug: the canvas forced a node resize every five seconds from an interval kept in a field that destroy() never cleared, so a destroyed canvas and its nodes stayed alive.
// expect: no-leaked-timer/timerNotClearedOnTeardown 14:5

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
    this.nodes = [];
    this.root.replaceChildren();
  }
}
