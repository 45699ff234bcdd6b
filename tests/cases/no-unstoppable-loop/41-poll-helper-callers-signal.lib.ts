// Source: https://github.com/openai/openai-node/blob/main/src/lib/polling.ts
// Bug: negative, module of case 41: a generic polling helper whose loop awaits a function it is given; it never reads the signal itself, but every caller's function passes the request options, signal included, so an abort rejects the awaited request.
// expect: none

export interface PollOptions {
  signal?: AbortSignal;
  pollIntervalMs?: number;
}

export interface Snapshot {
  status: 'queued' | 'running' | 'done' | 'failed';
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function pollStatus(
  retrieve: (attempt: number) => Promise<Snapshot>,
  options: PollOptions = {},
): Promise<Snapshot> {
  for (let attempt = 0; ; attempt++) {
    const snapshot = await retrieve(attempt);
    if (snapshot.status === 'done' || snapshot.status === 'failed') return snapshot;
    await sleep(options.pollIntervalMs ?? 1000);
  }
}
