// Source: https://github.com/dxos/dxos/pull/12505
// Bug: fixed twin (the review's proposed fix): `close` and `error` listeners on the socket reject every pending request and clear the map.
// expect: none

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
    const failAll = (reason: string): void => {
      for (const entry of client.pending.values()) entry.reject(new Error(reason));
      client.pending.clear();
    };
    client.ws.addEventListener('close', () => failAll('CDP socket closed'));
    client.ws.addEventListener('error', () => failAll('CDP socket error'));
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
