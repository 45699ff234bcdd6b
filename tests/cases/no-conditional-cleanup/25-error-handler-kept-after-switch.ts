// Source: https://github.com/berlinonline/converjon/issues/32
// Bug: each conversion attached success and error handlers to a shared emitter, and when one outcome fired the handler for the other was never removed, so handlers piled up until Node reported an EventEmitter memory leak.
// expect: no-conditional-cleanup/cleanupSkippedOnSomePaths 24:7

import { EventEmitter } from 'node:events';

export type Outcome =
  | { kind: 'converted'; path: string }
  | { kind: 'failed'; message: string }
  | { kind: 'cached'; path: string };

export interface Converter extends EventEmitter {
  run(source: string): Promise<Outcome>;
}

export async function convert(converter: Converter, source: string, log: (line: string) => void): Promise<string> {
  const onError = (error: Error): void => {
    log(`conversion of ${source} failed: ${error.message}`);
  };
  converter.on('error', onError);
  const outcome = await converter.run(source);
  switch (outcome.kind) {
    case 'converted':
      converter.off('error', onError);
      return outcome.path;
    case 'failed':
      throw new Error(outcome.message);
    case 'cached':
      return outcome.path;
  }
}
