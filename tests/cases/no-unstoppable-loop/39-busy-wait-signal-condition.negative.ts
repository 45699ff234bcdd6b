// Source: https://github.com/openclaw/openclaw/pull/73892
// Bug: negative: after the PR, the poll's busy-wait loop tests `signal.aborted` in its own condition and sleeps on a wait that the abort cuts short; its `continue` goes back through that condition, so an abort always ends it.
// expect: none

import { setTimeout as sleep } from 'node:timers/promises';

export interface ProcessSession {
  exited: boolean;
  drainOutput(): string;
}

export async function pollProcess(session: ProcessSession, signal: AbortSignal, stepMs = 250): Promise<string> {
  let output = '';
  while (!signal.aborted) {
    const chunk = session.drainOutput();
    output += chunk;
    if (session.exited) break;
    if (chunk.length > 0) continue;
    await sleep(stepMs, undefined, { signal }).catch(() => undefined);
  }
  return output;
}
