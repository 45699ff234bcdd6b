// Source: https://github.com/purplefish-ai/factory-factory/pull/2035
// Bug: another of the five hand-written poll loops: a do … while (true) sweeper that kept sweeping stale workspaces after the service was asked to stop.
// expect: no-unstoppable-loop/loopOutlivesTeardown 14:5

import { setTimeout as sleep } from 'node:timers/promises';

declare function findStaleWorkspaces(olderThanMs: number): Promise<string[]>;
declare function archiveWorkspace(id: string): Promise<void>;

export class WorkspaceSweeper {
  private sweeps = 0;

  async sweepForever(intervalMs: number): Promise<void> {
    do {
      for (const id of await findStaleWorkspaces(24 * 60 * 60 * 1000)) await archiveWorkspace(id);
      this.sweeps += 1;
      await sleep(intervalMs);
    } while (true);
  }

  shutdown(): number {
    return this.sweeps;
  }
}
