// Source: https://github.com/sindresorhus/temp-write/pull/7
// Bug: fixed twin: both ends of the pipe reject on 'error' (the PR's final pattern).
// expect: none

import { createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';

export function writeStreamToFile(input: Readable, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const output = createWriteStream(path);
    input.on('error', (error) => {
      reject(error);
      input.unpipe(output);
      output.end();
    });
    output.on('error', reject);
    output.on('finish', () => resolve(path));
    input.pipe(output);
  });
}
