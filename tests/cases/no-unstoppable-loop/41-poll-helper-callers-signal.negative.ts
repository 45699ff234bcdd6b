// Source: https://github.com/openai/openai-node/blob/main/src/lib/vector-store-polling.ts
// Bug: negative: the callers of the polling helper of case 41 hand it functions that pass their options, and with them the caller's signal, to the request the loop awaits.
// expect: none

import { pollStatus, type PollOptions, type Snapshot } from './41-poll-helper-callers-signal.lib.js';

interface RequestOptions extends PollOptions {
  headers?: Record<string, string>;
}

declare function getJob(id: string, options: RequestOptions): Promise<Snapshot>;
declare function getBatch(id: string, options: RequestOptions): Promise<Snapshot>;

export function waitForJob(id: string, options: PollOptions = {}): Promise<Snapshot> {
  return pollStatus(
    (attempt) => getJob(id, { ...options, headers: { 'x-poll-attempt': String(attempt) } }),
    options,
  );
}

export function waitForBatch(id: string, options: PollOptions = {}): Promise<Snapshot> {
  return pollStatus((attempt) => getBatch(id, { ...options, headers: { 'x-poll-attempt': String(attempt) } }), options);
}
