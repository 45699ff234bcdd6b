// Source: https://github.com/purplefish-ai/factory-factory/pull/2035
// Bug: the backend's poll loops each ran their own endless sleep-and-check loop; the PR moves them onto one job runner whose stop() aborts a controller and cancels the pending sleep, which the old loops had no way to honour.
// expect: no-unstoppable-loop/loopOutlivesTeardown 25:5

import { setTimeout as sleep } from 'node:timers/promises';

export interface PullRequestState {
  number: number;
  mergeable: boolean;
}

declare function listOpenPullRequests(): Promise<PullRequestState[]>;
declare function ratchet(pr: PullRequestState): Promise<void>;

export class RatchetService {
  private started = false;

  start(intervalMs: number): void {
    if (this.started) return;
    this.started = true;
    void this.loop(intervalMs);
  }

  private async loop(intervalMs: number): Promise<void> {
    while (true) {
      for (const pr of await listOpenPullRequests()) {
        if (pr.mergeable) await ratchet(pr);
      }
      await sleep(intervalMs);
    }
  }

  stop(): void {
    this.started = false;
  }
}
