// Source: https://github.com/berlinonline/converjon/issues/32
// Bug: fixed: the handler is removed in finally, so every outcome (converted, failed, cached, thrown) detaches it.
// expect: none

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
  try {
    const outcome = await converter.run(source);
    switch (outcome.kind) {
      case 'converted':
        return outcome.path;
      case 'failed':
        throw new Error(outcome.message);
      case 'cached':
        return outcome.path;
    }
  } finally {
    converter.off('error', onError);
  }
}
