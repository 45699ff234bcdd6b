// Source: https://github.com/shapeshift/unchained/issues/400
// Bug: the websocket client's connect() resolved on open and never rejected: when the connection failed the promise stayed pending and the consumer could not catch anything.
// expect: no-unsettled-promise/errorNotListened 14:7

export class TxClient {
  private socket: WebSocket | undefined;

  constructor(private readonly url: string) {}

  connect(): Promise<void> {
    return new Promise((resolve) => {
      const socket = new WebSocket(this.url);
      this.socket = socket;
      socket.onopen = () => resolve();
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
