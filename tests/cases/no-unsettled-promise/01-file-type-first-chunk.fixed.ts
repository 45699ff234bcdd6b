// Source: https://github.com/sindresorhus/file-type/pull/224
// Bug: fixed twin: the helper rejects whenever the input emits 'error'.
// expect: none

import type { Readable } from 'node:stream';

export function sniffStream(input: Readable, sampleSize = 4100): Promise<{ kind: string; input: Readable }> {
  return new Promise((resolve, reject) => {
    input.once('error', reject);
    input.once('readable', () => {
      const chunk = (input.read(sampleSize) as Buffer | null) ?? (input.read() as Buffer | null);
      const kind = chunk && chunk[0] === 0x89 ? 'png' : 'unknown';
      if (chunk) input.unshift(chunk);
      resolve({ kind, input });
    });
  });
}
