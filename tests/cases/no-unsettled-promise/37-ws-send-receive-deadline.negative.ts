// Source: https://github.com/starknet-io/starknet.js/pull/1665
// Bug: negative: before the PR, a request sent over the socket waited on message and error listeners that a clean `close` never fired, but its `requestTimeout` timer rejected it: the caller waited up to the timeout (the PR's complaint), never forever.
// expect: none

export interface RpcSocket {
  addEventListener(type: 'message', listener: (event: MessageEvent<string>) => void): void;
  addEventListener(type: 'error', listener: (event: Event) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent<string>) => void): void;
  removeEventListener(type: 'error', listener: (event: Event) => void): void;
  send(data: string): void;
}

export function sendReceive(socket: RpcSocket, id: number, method: string, requestTimeout = 60_000): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`request ${String(id)} timed out`));
    }, requestTimeout);
    const onMessage = (event: MessageEvent<string>): void => {
      const reply = JSON.parse(event.data) as { id: number; result?: unknown; error?: { message: string } };
      if (reply.id !== id) return;
      cleanup();
      if (reply.error) reject(new Error(reply.error.message));
      else resolve(reply.result);
    };
    const onError = (): void => {
      cleanup();
      reject(new Error('socket error'));
    };
    const cleanup = (): void => {
      clearTimeout(timer);
      socket.removeEventListener('message', onMessage);
      socket.removeEventListener('error', onError);
    };
    socket.addEventListener('message', onMessage);
    socket.addEventListener('error', onError);
    socket.send(JSON.stringify({ jsonrpc: '2.0', id, method }));
  });
}
