// Source: https://github.com/remix-run/react-router/issues/15247
// Bug: the stream copy loop called `writableError.race(reader.read())`, a helper that raced each read against one writable-error promise that settles only if the writable fails, so every chunk stayed reachable from it for the stream's whole life.
// expect: no-abandoned-race/raceInLoop 15:14

import type { Writable } from 'node:stream';

function monitorWritableError(writable: Writable) {
  const writableErrorPromise = new Promise<never>((_, reject) => {
    writable.once('error', reject);
    writable.once('close', () => reject(new Error('writable closed before the stream ended')));
  });
  writableErrorPromise.catch(() => {});
  return {
    race<T>(promise: Promise<T>): Promise<T> {
      return Promise.race([promise, writableErrorPromise]);
    },
  };
}

export async function writeReadableStreamToWritable(stream: ReadableStream<Uint8Array>, writable: Writable): Promise<void> {
  const writableError = monitorWritableError(writable);
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await writableError.race(reader.read());
      if (done) break;
      writable.write(value);
    }
    writable.end();
  } finally {
    reader.releaseLock();
  }
}
