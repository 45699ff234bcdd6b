// Source: https://github.com/evex-dev/linejs/pull/223
// Bug: the talk-event polling generator `continue`d straight back to `while (true)` when a sync response carried no operations, skipping both its sleep and its `signal.aborted` check: the loop hot-spun on sync calls, never yielded, and the abort could not stop it.
// expect: no-unstoppable-loop/signalNeverChecked 22:3

import { setTimeout as sleep } from 'node:timers/promises';

export interface TalkOperation {
  revision: number;
  type: string;
}

export interface SyncResponse {
  operations?: TalkOperation[];
}

export interface TalkClient {
  sync(revision: number): Promise<SyncResponse>;
}

export async function* listenTalkEvents(talk: TalkClient, intervalMs: number, signal?: AbortSignal): AsyncGenerator<TalkOperation> {
  let revision = 0;
  while (true) {
    const response = await talk.sync(revision);
    if (!response.operations) {
      continue;
    }
    for (const operation of response.operations) {
      revision = Math.max(revision, operation.revision);
      yield operation;
    }
    await sleep(intervalMs);
    if (signal?.aborted) break;
  }
}
