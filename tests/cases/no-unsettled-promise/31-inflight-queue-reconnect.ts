// Source: https://github.com/askmike/deribit-v2-ws/pull/12
// Bug: requests waited in an in-flight queue that only the socket's message handler settled; when the connection dropped and the client reconnected, nothing rejected them, so their callers awaited forever (the maintainer had been hunting that leak).
// expect: no-unsettled-promise/errorNotListened 24:5

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

  request(method: string, params: object): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.inflight.set(id, { resolve, reject });
      this.ws?.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
    });
  }
}
