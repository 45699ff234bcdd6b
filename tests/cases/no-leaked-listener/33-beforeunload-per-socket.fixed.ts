// Source: https://github.com/socketio/engine.io-client/issues/693
// Bug: fixed twin: as in the fix the maintainer linked, onClose() removes the 'beforeunload' listener.
// expect: none

export class EngineSocket {
  private readonly transport: WebSocket;
  private beforeunloadListener: (() => void) | undefined;
  readyState: 'opening' | 'open' | 'closed' = 'opening';

  constructor(url: string, closeOnBeforeunload = true) {
    this.transport = new WebSocket(url);
    this.transport.addEventListener('open', () => (this.readyState = 'open'));
    this.transport.addEventListener('close', () => this.onClose('transport close'));
    if (closeOnBeforeunload) {
      this.beforeunloadListener = () => this.transport.close();
      addEventListener('beforeunload', this.beforeunloadListener, false);
    }
  }

  private onClose(reason: string): void {
    if (this.beforeunloadListener) {
      removeEventListener('beforeunload', this.beforeunloadListener, false);
      this.beforeunloadListener = undefined;
    }
    this.readyState = 'closed';
    console.debug('socket closed:', reason);
  }
}
