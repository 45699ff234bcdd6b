// Source: https://github.com/sindresorhus/temp-write/pull/7
// Bug: review of stream support: piping the input into a file stream and resolving on 'finish' needs an 'error' listener on the file stream too, or a failed write leaves the promise pending.
// expect: no-unsettled-promise/errorNotListened 12:5

import { createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';

export function writeStreamToFile(input: Readable, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const output = createWriteStream(path);
    input.on('error', reject);
    input.pipe(output).on('finish', () => resolve(path));
  });
}
