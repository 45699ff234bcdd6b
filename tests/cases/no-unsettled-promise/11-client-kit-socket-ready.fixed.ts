// Source: https://github.com/Nat3z/OpenGameInstaller/pull/127
// Bug: fixed twin: 'error' and 'close' reject the open-wait (the review's suggested diff).
// expect: none

export class Connection {
  readonly ready: Promise<void>;

  constructor(private readonly socket: WebSocket) {
    this.ready = this.waitForOpen();
  }

  private async waitForOpen(): Promise<void> {
    if (this.socket.readyState === WebSocket.OPEN) return;
    await new Promise<void>((resolve, reject) => {
      this.socket.addEventListener('open', () => resolve(), { once: true });
      this.socket.addEventListener('error', () => reject(new Error('websocket failed to open')), { once: true });
      this.socket.addEventListener('close', () => reject(new Error('websocket closed before opening')), { once: true });
    });
  }
}
