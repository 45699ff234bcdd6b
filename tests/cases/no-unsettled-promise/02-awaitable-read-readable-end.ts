// Source: https://github.com/hashtagchris/node-awaitify-stream/issues/2
// Bug: read() waited for 'readable' or 'end' but registered no 'error' handler, so a stream that failed mid-read left the awaited read pending forever.
// expect: no-unsettled-promise/errorNotListened 20:5

import type { Readable } from 'node:stream';

export function readNext(stream: Readable): Promise<Buffer | null> {
  const now = stream.read() as Buffer | null;
  if (now !== null) return Promise.resolve(now);
  return new Promise((resolve) => {
    const onReadable = () => {
      stream.off('end', onEnd);
      resolve(stream.read() as Buffer | null);
    };
    const onEnd = () => {
      stream.off('readable', onReadable);
      resolve(null);
    };
    stream.once('readable', onReadable);
    stream.once('end', onEnd);
  });
}
