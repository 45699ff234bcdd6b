// Source: https://github.com/purplefish-ai/factory-factory/pull/2035
// Bug: fixed twin: stop() aborts the loop's controller, which cancels the sleep and ends the loop.
// expect: none

import { setTimeout as sleep } from 'node:timers/promises';

export interface PullRequestState {
  number: number;
  mergeable: boolean;
}

declare function listOpenPullRequests(): Promise<PullRequestState[]>;
declare function ratchet(pr: PullRequestState): Promise<void>;

export class RatchetService {
  private controller: AbortController | null = null;

  start(intervalMs: number): void {
    if (this.controller) return;
    this.controller = new AbortController();
    void this.loop(intervalMs, this.controller.signal);
  }

  private async loop(intervalMs: number, signal: AbortSignal): Promise<void> {
    while (true) {
      for (const pr of await listOpenPullRequests()) {
        if (pr.mergeable) await ratchet(pr);
      }
      await sleep(intervalMs, undefined, { signal }).catch(() => undefined);
      if (signal.aborted) return;
    }
  }

  stop(): void {
    this.controller?.abort();
    this.controller = null;
  }
}
