// Source: https://github.com/remix-run/react-router/issues/15247
// Bug: fixed twin (the fix in PR #15500): each wait gets its own short-lived promise whose rejector is kept in a set only until the read settles; a writable error rejects every waiter still in the set.
// expect: none

import type { Writable } from 'node:stream';

function monitorWritableError(writable: Writable) {
  let failure: Error | undefined;
  const waiting = new Set<(error: Error) => void>();
  const fail = (error: Error): void => {
    failure ??= error;
    for (const reject of waiting) reject(failure);
    waiting.clear();
  };
  writable.once('error', fail);
  writable.once('close', () => fail(new Error('writable closed before the stream ended')));
  return {
    race<T>(promise: Promise<T>): Promise<T> {
      if (failure) return Promise.reject(failure);
      return new Promise<T>((resolve, reject) => {
        waiting.add(reject);
        promise.then(resolve, reject).finally(() => waiting.delete(reject));
      });
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
