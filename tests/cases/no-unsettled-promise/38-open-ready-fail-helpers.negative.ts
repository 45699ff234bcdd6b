// Source: https://github.com/nodejs/node/issues/21339
// Bug: negative: the everyday adapter: named `ready` and `fail` functions each remove both listeners and settle, and are registered for `ready` and `error`, so the write stream's promise settles whichever comes.
// expect: none

import { createWriteStream, type WriteStream } from 'node:fs';

export function open(file: string): Promise<WriteStream> {
  return new Promise((resolve, reject) => {
    const stream = createWriteStream(file);

    function ready(): void {
      stream.removeListener('ready', ready);
      stream.removeListener('error', fail);
      resolve(stream);
    }

    function fail(error: Error): void {
      stream.removeListener('ready', ready);
      stream.removeListener('error', fail);
      reject(error);
    }

    stream.on('ready', ready);
    stream.on('error', fail);
  });
}
