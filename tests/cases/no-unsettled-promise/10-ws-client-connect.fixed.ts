// Source: https://github.com/shapeshift/unchained/issues/400
// Bug: fixed twin: a failed connection rejects connect() so the caller can handle it.
// expect: none

export class TxClient {
  private socket: WebSocket | undefined;

  constructor(private readonly url: string) {}

  connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(this.url);
      this.socket = socket;
      socket.onopen = () => resolve();
      socket.onerror = () => reject(new Error(`failed to connect to ${this.url}`));
      socket.onmessage = (event) => this.handle(String(event.data));
    });
  }

  close(): void {
    this.socket?.close();
  }

  private handle(message: string): void {
    console.debug('tx', message.length);
  }
}
