// Source: https://github.com/sindresorhus/get-stream/pull/15
// Bug: fixed twin (the PR's fix): the input stream's own `error` rejects too (the PR also attaches the text buffered so far).
// expect: none

import { PassThrough, type Readable } from 'node:stream';

export interface GetStreamOptions {
  maxBuffer?: number;
}

export function getStream(inputStream: Readable, options: GetStreamOptions = {}): Promise<string> {
  const maxBuffer = options.maxBuffer ?? Infinity;
  return new Promise((resolve, reject) => {
    const buffer = new PassThrough({ encoding: 'utf8' });
    let text = '';
    inputStream.on('error', (error: Error) => {
      reject(Object.assign(error, { bufferedText: text }));
    });
    inputStream.pipe(buffer);
    buffer.on('data', (chunk: string) => {
      text += chunk;
      if (text.length > maxBuffer) reject(new Error('maxBuffer exceeded'));
    });
    buffer.on('end', () => resolve(text));
    buffer.on('error', reject);
  });
}
