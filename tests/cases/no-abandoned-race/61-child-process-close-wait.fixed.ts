// Source: https://github.com/777genius/agent-teams-ai/pull/121
// Bug: fixed twin (the review's fix): the timer handle is kept and cleared when the race settles, whichever side wins.
// expect: none

import type { ChildProcess } from 'node:child_process';

export function waitForProcessClose(child: ChildProcess, exited: Promise<void>, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    exited,
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    }),
  ]).finally(() => clearTimeout(timer));
}
