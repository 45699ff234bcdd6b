// Source: https://github.com/evex-dev/linejs/pull/223
// Bug: fixed twin (the PR's fix): the early `continue` is replaced by a condition around the operations loop, so every pass falls through to the shared sleep and abort check.
// expect: none

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
    if (response.operations) {
      for (const operation of response.operations) {
        revision = Math.max(revision, operation.revision);
        yield operation;
      }
    }
    await sleep(intervalMs);
    if (signal?.aborted) break;
  }
}
