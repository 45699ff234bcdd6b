// Source: https://github.com/askmike/deribit-v2-ws/pull/12
// Bug: fixed twin (the PR's fix): when the connection closes, every request still in flight is rejected with a connection-closed error before the client reconnects.
// expect: none

interface Inflight {
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

export class DeribitClient {
  private ws: WebSocket | undefined;
  private nextId = 1;
  private readonly inflight = new Map<number, Inflight>();

  constructor(private readonly url: string) {}

  connect(): void {
    const ws = new WebSocket(this.url);
    this.ws = ws;
    ws.onclose = () => {
      this.ws = undefined;
      this.connectionAborted(new Error('Deribit connection closed.'));
      this.connect();
    };
    ws.onmessage = (event: MessageEvent<string>) => {
      const message = JSON.parse(event.data) as { id?: number; result?: unknown; error?: { message: string } };
      const pending = message.id === undefined ? undefined : this.inflight.get(message.id);
      if (!pending || message.id === undefined) return;
      this.inflight.delete(message.id);
      if (message.error) pending.reject(new Error(message.error.message));
      else pending.resolve(message.result);
    };
  }

  private connectionAborted(error: Error): void {
    for (const pending of this.inflight.values()) pending.reject(error);
    this.inflight.clear();
  }

  request(method: string, params: object): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (!this.ws) {
        reject(new Error('Deribit connection closed.'));
        return;
      }
      this.inflight.set(id, { resolve, reject });
      this.ws.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
    });
  }
}
