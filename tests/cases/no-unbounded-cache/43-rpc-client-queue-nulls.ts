// Source: https://github.com/elpheria/rpc-websockets/pull/122
// Bug: the websocket RPC client parks each call in a `queue` dictionary keyed by request id and, on reply or timeout, sets the slot to null instead of deleting it, so the object ends up as {1: null, 2: null, ...} with one key per call ever made.
// expect: no-unbounded-cache/objectNeverShrinks 23:20

export interface Socket {
  send(data: string, callback: (error?: Error) => void): void;
}

interface RpcReply {
  id: number;
  result?: unknown;
  error?: { message: string };
}

interface QueuedCall {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timeout?: ReturnType<typeof setTimeout>;
}

export class CommonClient {
  private nextId = 0;
  private readonly queue: Record<number, QueuedCall | null> = {};

  constructor(private readonly socket: Socket) {}

  call(method: string, params: unknown, timeoutMs?: number): Promise<unknown> {
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.socket.send(JSON.stringify({ jsonrpc: '2.0', method, params, id }), (error) => {
        if (error) return reject(error);
        const entry: QueuedCall = { resolve, reject };
        this.queue[id] = entry;
        if (timeoutMs) {
          entry.timeout = setTimeout(() => {
            this.queue[id] = null;
            reject(new Error('reply timeout'));
          }, timeoutMs);
        }
      });
    });
  }

  handleMessage(data: string): void {
    const reply = JSON.parse(data) as RpcReply;
    const entry = this.queue[reply.id];
    if (!entry) return;
    if (entry.timeout) clearTimeout(entry.timeout);
    if (reply.error) entry.reject(new Error(reply.error.message));
    else entry.resolve(reply.result);
    this.queue[reply.id] = null;
  }
}
