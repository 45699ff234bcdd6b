// Source: https://github.com/anomalyco/opencode/pull/12873
// Bug: fixed twin (the PR's fix): the loop checks the signal at the top of every pass and again after the retry sleep, so an abort during a retryable failure ends it.
// expect: none

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
    if (input.signal.aborted) return 'stop';
    try {
      for await (const part of input.stream(input.signal)) input.onPart(part);
      if (input.signal.aborted) return 'stop';
      return 'continue';
    } catch (error) {
      if (input.signal.aborted) return 'stop';
      if (!isRetryable(error)) throw error;
      attempt += 1;
      await sleep(Math.min(30_000, 500 * 2 ** attempt), undefined, { signal: input.signal }).catch(() => undefined);
      if (input.signal.aborted) return 'stop';
      continue;
    }
  }
}
