// Source: https://github.com/Dokploy/dokploy/issues/4120
// Bug: negative: the subscription loops are async generators that yield every queued log line and return once the request's signal aborts; the consumer can also end them with return().
// expect: none

import { setTimeout as sleep } from 'node:timers/promises';

declare function deployService(id: string, onLog: (line: string) => void): void;

export async function* deploymentLogs(serviceId: string, signal?: AbortSignal): AsyncGenerator<string> {
  const queue: string[] = [];
  deployService(serviceId, (line) => queue.push(line));
  while (true) {
    const line = queue.shift();
    if (line !== undefined) {
      yield line;
    } else {
      await sleep(50);
    }
    if (signal?.aborted) {
      return;
    }
  }
}
