// Source: https://github.com/web3/web3.js/issues/2953
// Bug: sendPayload() added a listener for the request id and one for 'error' to the long-lived provider and removed both in a cleanup run on a reply or an error, but not on a timeout, so the 'error' listeners grew for hours and memory with them.
// expect: no-leaked-listener/listenerNeverRemoved 33:7
// expect: no-leaked-listener/listenerNeverRemoved 34:7

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
      this.on(event, onResponse);
      this.on('error', onError);
      setTimeout(() => reject(new Error(`request ${payload.id} timed out`)), timeoutMs);
      this.socket.send(JSON.stringify(payload));
    });
  }
}
