// Source: https://github.com/inngest/inngest-js/blob/abc4a63fb8a5d8d1599ee7a3afbeb2b82d9cc875/packages/inngest/src/components/connect/strategies/workerThread/index.ts
// Bug: negative: a connect handshake with a worker thread settles on the worker's reply and rejects on its `exit`; a worker that throws emits `error` and then `exit` (https://nodejs.org/api/worker_threads.html#event-exit), so no path waits forever.
// expect: none

import { Worker } from 'node:worker_threads';

type Reply = { type: 'CONNECTED' } | { type: 'FAILED'; reason: string };

export class ThreadedConnection {
  private worker: Worker | undefined;

  constructor(private readonly script: string) {}

  connect(attempt: number): Promise<void> {
    const worker = (this.worker ??= new Worker(this.script));
    return new Promise<void>((resolve, reject) => {
      const onReply = (reply: Reply): void => {
        if (reply.type === 'CONNECTED') {
          stop();
          resolve();
        } else {
          stop();
          reject(new Error(reply.reason));
        }
      };
      const onExit = (code: number): void => {
        stop();
        reject(new Error(`worker stopped with code ${String(code)} during attempt ${String(attempt)}`));
      };
      const stop = (): void => {
        worker.off('message', onReply);
        worker.off('exit', onExit);
      };
      worker.on('message', onReply);
      worker.on('exit', onExit);
      worker.postMessage({ type: 'CONNECT', attempt });
    });
  }
}
