// Source: https://github.com/dxos/dxos/pull/12505
// Bug: review finding: the memory script's CDP client stored each request's resolver in a pending map settled only by the socket's message listener; nothing rejected them on `close` or `error`, so a target disappearing mid-request left the await hanging with no output.
// expect: no-unsettled-promise/errorNotListened 18:5

interface Pending {
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

export class CdpClient {
  private id = 0;
  private readonly pending = new Map<number, Pending>();

  private constructor(private readonly ws: WebSocket) {}

  static attach(url: string): CdpClient {
    const client = new CdpClient(new WebSocket(url));
    client.ws.addEventListener('message', (event: MessageEvent<string>) => {
      const msg = JSON.parse(event.data) as { id?: number; result?: unknown; error?: { message: string } };
      if (msg.id === undefined) return;
      const entry = client.pending.get(msg.id);
      if (!entry) return;
      client.pending.delete(msg.id);
      if (msg.error) entry.reject(new Error(msg.error.message));
      else entry.resolve(msg.result);
    });
    return client;
  }

  send(method: string, params: object = {}): Promise<unknown> {
    const id = ++this.id;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }
}
