// Source: https://github.com/web3/web3.js/issues/2953
// Bug: fixed twin: the timeout runs the same cleanup (the issue asks to remove the uncalled listeners on every settlement), and a reply clears the timeout.
// expect: none

import { EventEmitter } from 'node:events';

interface JsonRpcResponse {
  id: number;
  result?: unknown;
}

export class WebsocketProvider extends EventEmitter {
  constructor(private readonly socket: WebSocket) {
    super();
  }

  sendPayload(payload: { id: number; method: string }, timeoutMs = 15_000): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const event = String(payload.id);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.removeListener(event, onResponse);
        this.removeListener('error', onError);
      };
      const onResponse = (response: JsonRpcResponse): void => {
        cleanup();
        resolve(response.result);
      };
      const onError = (error: Error): void => {
        cleanup();
        reject(error);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`request ${payload.id} timed out`));
      }, timeoutMs);
      this.on(event, onResponse);
      this.on('error', onError);
      this.socket.send(JSON.stringify(payload));
    });
  }
}
