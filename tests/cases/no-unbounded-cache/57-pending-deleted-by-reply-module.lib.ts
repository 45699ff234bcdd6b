// Source: https://github.com/blackboardsh/electrobun/pull/241
// Bug: none: the client parks each call in its public `pending` map, and the reply handler in 57-pending-deleted-by-reply-module.negative.ts deletes the entry on every reply (success or error) and clears the map when the port closes.
// expect: none

export interface MessagePortLike {
  postMessage(message: unknown): void;
  close(): void;
}

export interface PendingCall {
  method: string;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

export class RpcClient {
  readonly pending = new Map<number, PendingCall>();
  private nextId = 0;

  constructor(private readonly port: MessagePortLike) {}

  call(method: string, params: unknown): Promise<unknown> {
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { method, resolve, reject });
      this.port.postMessage({ id, method, params });
    });
  }

  close(): void {
    this.port.close();
  }
}
