// Source: https://github.com/blackboardsh/electrobun/pull/241
// Bug: fixed (the PR): the response handler clears the timeout and deletes both entries, and the timeout deletes the listener before rejecting.
// expect: none

export interface RpcMessage {
  type: 'request' | 'response';
  id: number;
  method?: string;
  params?: unknown;
  success?: boolean;
  payload?: unknown;
}

export interface Transport {
  send(message: RpcMessage): void;
  onMessage(handler: (message: RpcMessage) => void): void;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

const MAX_REQUEST_MS = 1000;

export function createRpc(transport: Transport) {
  const requestListeners = new Map<number, Pending>();
  const requestTimeouts = new Map<number, ReturnType<typeof setTimeout>>();
  let nextId = 0;

  transport.onMessage((message) => {
    if (message.type !== 'response') return;
    const pending = requestListeners.get(message.id);
    if (!pending) return;
    clearTimeout(requestTimeouts.get(message.id));
    requestTimeouts.delete(message.id);
    requestListeners.delete(message.id);
    if (message.success) pending.resolve(message.payload);
    else pending.reject(new Error(String(message.payload)));
  });

  return {
    request(method: string, params?: unknown): Promise<unknown> {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        requestListeners.set(id, { resolve, reject });
        requestTimeouts.set(
          id,
          setTimeout(() => {
            requestListeners.delete(id);
            requestTimeouts.delete(id);
            reject(new Error(`RPC ${method} timed out`));
          }, MAX_REQUEST_MS),
        );
        transport.send({ type: 'request', id, method, params });
      });
    },
  };
}
