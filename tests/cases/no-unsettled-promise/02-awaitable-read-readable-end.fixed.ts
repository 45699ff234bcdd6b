// Source: https://github.com/hashtagchris/node-awaitify-stream/issues/2
// Bug: fixed twin: an 'error' listener rejects the pending read and the three listeners remove one another.
// expect: none

import type { Readable } from 'node:stream';

export function readNext(stream: Readable): Promise<Buffer | null> {
  const now = stream.read() as Buffer | null;
  if (now !== null) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      stream.off('readable', onReadable);
      stream.off('end', onEnd);
      stream.off('error', onError);
    };
    const onReadable = () => {
      cleanup();
      resolve(stream.read() as Buffer | null);
    };
    const onEnd = () => {
      cleanup();
      resolve(null);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    stream.once('readable', onReadable);
    stream.once('end', onEnd);
    stream.once('error', onError);
  });
}
