// Source: https://github.com/socketio/engine.io-client/issues/693
// Bug: with closeOnBeforeunload, every engine socket (one per reconnection attempt) added a 'beforeunload' listener to the window that onClose() never removed, so failed reconnections piled them up.
// expect: no-leaked-listener/listenerNeverRemoved 16:7

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
    this.readyState = 'closed';
    console.debug('socket closed:', reason);
  }
}
