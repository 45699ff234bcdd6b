// Source: https://github.com/Faleij/json-stream-stringify/issues/36
// Bug: negative: the fixed `readAsPromised` settles on every branch: `end` and an already-ended stream go through one shared helper, `readable` resolves with the next chunk, and `error` rejects.
// expect: none

import type { Readable } from 'node:stream';

export function readAsPromised(stream: Readable, size?: number): Promise<unknown> {
  const value: unknown = stream.read(size);
  if (value !== null) return Promise.resolve(value);
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      stream.removeListener('end', endListener);
      stream.removeListener('error', errorListener);
      stream.removeListener('readable', readableListener);
    };
    const endListener = (): void => {
      cleanup();
      resolve(null);
    };
    const errorListener = (error: Error): void => {
      cleanup();
      reject(error);
    };
    const readableListener = (): void => {
      cleanup();
      resolve(stream.read(size));
    };
    stream.once('end', endListener);
    stream.once('error', errorListener);
    stream.once('readable', readableListener);
    if (stream.readableEnded) endListener();
  });
}
