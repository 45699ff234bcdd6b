// Source: https://github.com/sindresorhus/file-type/pull/224
// Bug: the stream helper resolved once the first chunk was readable but never listened for 'error', so a failing input stream left the promise pending and its caller hung.
// expect: no-unsettled-promise/errorNotListened 9:5

import type { Readable } from 'node:stream';

export function sniffStream(input: Readable, sampleSize = 4100): Promise<{ kind: string; input: Readable }> {
  return new Promise((resolve, reject) => {
    input.once('readable', () => {
      const chunk = (input.read(sampleSize) as Buffer | null) ?? (input.read() as Buffer | null);
      const kind = chunk && chunk[0] === 0x89 ? 'png' : 'unknown';
      if (chunk) input.unshift(chunk);
      resolve({ kind, input });
    });
  });
}
