// Source: https://github.com/blackboardsh/electrobun/pull/241
// Bug: the RPC helper keeps each request's resolver and its timeout handle in two Maps held by the closure of the RPC object, and neither the response handler nor the timeout ever deletes them, so both maps grow with every call for the life of the process.
// expect: no-unbounded-cache/mapNeverShrinks 28:9
// expect: no-unbounded-cache/mapNeverShrinks 29:9

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
          setTimeout(() => reject(new Error(`RPC ${method} timed out`)), MAX_REQUEST_MS),
        );
        transport.send({ type: 'request', id, method, params });
      });
    },
  };
}
