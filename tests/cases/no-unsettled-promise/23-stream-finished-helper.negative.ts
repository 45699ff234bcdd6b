// Source: https://github.com/nodejs/node/issues/52867
// Bug: negative: the wrapper the issue asks for, written with stream.finished(), whose callback settles on both outcomes (the maintainers point to node:stream/promises).
// expect: none

import { finished, type Readable } from 'node:stream';

export function drained(stream: Readable): Promise<void> {
  return new Promise((resolve, reject) => {
    finished(stream, (err) => {
      if (err) {
        reject(err);
        return;
      }
      resolve();
    });
    stream.resume();
  });
}
