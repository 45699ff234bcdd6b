// Source: https://github.com/sindresorhus/get-stream/pull/15
// Bug: the helper piped the input into its own buffer stream and settled on that stream's `data`, `end` and `error`; errors of the input stream are not forwarded by pipe(), so a failing input left the promise pending.
// expect: no-unsettled-promise/errorNotListened 21:5

import { PassThrough, type Readable } from 'node:stream';

export interface GetStreamOptions {
  maxBuffer?: number;
}

export function getStream(inputStream: Readable, options: GetStreamOptions = {}): Promise<string> {
  const maxBuffer = options.maxBuffer ?? Infinity;
  return new Promise((resolve, reject) => {
    const buffer = new PassThrough({ encoding: 'utf8' });
    let text = '';
    inputStream.pipe(buffer);
    buffer.on('data', (chunk: string) => {
      text += chunk;
      if (text.length > maxBuffer) reject(new Error('maxBuffer exceeded'));
    });
    buffer.on('end', () => resolve(text));
    buffer.on('error', reject);
  });
}
