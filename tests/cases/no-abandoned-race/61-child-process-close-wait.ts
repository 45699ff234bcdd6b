// Source: https://github.com/777genius/agent-teams-ai/pull/121
// Bug: the packaged-app smoke test waited for the app process to close by racing its exit promise against a timer that was never cleared, so after a prompt exit the script stayed alive for the full timeout.
// expect: no-abandoned-race/timerNeverCleared 11:10

import type { ChildProcess } from 'node:child_process';

export function waitForProcessClose(child: ChildProcess, exited: Promise<void>, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return Promise.race([exited, new Promise<void>((resolve) => setTimeout(resolve, timeoutMs))]);
}
