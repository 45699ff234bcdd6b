// Source: https://github.com/Nat3z/OpenGameInstaller/pull/127
// Bug: review: the open-wait promise resolved only on 'open' and never rejected on error or close, so `ready` could hang forever and block every request.
// expect: no-unsettled-promise/errorNotListened 15:7

export class Connection {
  readonly ready: Promise<void>;

  constructor(private readonly socket: WebSocket) {
    this.ready = this.waitForOpen();
  }

  private async waitForOpen(): Promise<void> {
    if (this.socket.readyState === WebSocket.OPEN) return;
    await new Promise<void>((resolve) => {
      this.socket.addEventListener('open', () => resolve());
    });
  }
}
