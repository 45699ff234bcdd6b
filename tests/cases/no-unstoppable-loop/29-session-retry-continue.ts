// Source: https://github.com/anomalyco/opencode/pull/12873
// Bug: the session processor's `while (true)` checked the abort signal only after a stream finished; a retryable error slept (the rejected sleep swallowed) and `continue`d past that check, so after an abort the loop re-entered the aborted stream and spun forever.
// expect: no-unstoppable-loop/signalNeverChecked 22:3

import { setTimeout as sleep } from 'node:timers/promises';

export interface StreamPart {
  kind: 'text' | 'tool';
  body: string;
}

export interface ProcessInput {
  signal: AbortSignal;
  stream: (signal: AbortSignal) => AsyncIterable<StreamPart>;
  onPart: (part: StreamPart) => void;
}

const isRetryable = (error: unknown): boolean => error instanceof Error && /ECONNRESET|overloaded/.test(error.message);

export async function processSession(input: ProcessInput): Promise<'stop' | 'continue'> {
  let attempt = 0;
  while (true) {
    try {
      for await (const part of input.stream(input.signal)) input.onPart(part);
      if (input.signal.aborted) return 'stop';
      return 'continue';
    } catch (error) {
      if (!isRetryable(error)) throw error;
      attempt += 1;
      await sleep(Math.min(30_000, 500 * 2 ** attempt), undefined, { signal: input.signal }).catch(() => undefined);
      continue;
    }
  }
}
