// Source: https://github.com/purplefish-ai/factory-factory/pull/2035
// Bug: fixed twin: the sweeper takes the runner's signal and throws out of the loop once it is aborted.
// expect: none

import { setTimeout as sleep } from 'node:timers/promises';

declare function findStaleWorkspaces(olderThanMs: number): Promise<string[]>;
declare function archiveWorkspace(id: string): Promise<void>;

export class WorkspaceSweeper {
  private sweeps = 0;

  async sweepForever(intervalMs: number, signal: AbortSignal): Promise<void> {
    do {
      signal.throwIfAborted();
      for (const id of await findStaleWorkspaces(24 * 60 * 60 * 1000)) await archiveWorkspace(id);
      this.sweeps += 1;
      await sleep(intervalMs, undefined, { signal });
    } while (true);
  }

  get count(): number {
    return this.sweeps;
  }
}
