// Source: https://github.com/apibara/typescript-sdk/pull/223
// Bug: none: each pass of the read loop makes a fresh abort wait, races `stream.next()` against `abort.promise`, and removes the wait's listener in finally, so nothing raced outlives the pass (the PR's fix for a loop that reused one abort promise).
// expect: none

export interface StreamMessage {
  cursor: bigint;
  blocks: Uint8Array[];
}

export interface MessageStream {
  next(): Promise<IteratorResult<StreamMessage>>;
}

function abortWait(signal: AbortSignal): { promise: Promise<undefined>; cleanup: () => void } {
  let onAbort = (): void => {};
  const promise = new Promise<undefined>((resolve) => {
    onAbort = () => resolve(undefined);
    signal.addEventListener('abort', onAbort, { once: true });
    if (signal.aborted) resolve(undefined);
  });
  return { promise, cleanup: () => signal.removeEventListener('abort', onAbort) };
}

export async function runIndexer(stream: MessageStream, handle: (message: StreamMessage) => Promise<void>, signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    const abort = abortWait(signal);
    let result: IteratorResult<StreamMessage> | undefined;
    try {
      result = await Promise.race([stream.next(), abort.promise]);
    } finally {
      abort.cleanup();
    }
    if (!result || result.done) break;
    await handle(result.value);
  }
}
