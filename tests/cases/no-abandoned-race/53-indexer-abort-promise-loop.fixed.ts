// Source: https://github.com/apibara/typescript-sdk/issues/222
// Bug: fixed twin: each read makes its own abort wait and removes its listener as soon as the read settles, so no promise outlives one pass.
// expect: none

export interface StreamMessage {
  cursor: bigint;
  blocks: Uint8Array[];
}

export interface MessageStream {
  next(): Promise<IteratorResult<StreamMessage>>;
}

function nextUnlessAborted(stream: MessageStream, signal: AbortSignal): Promise<IteratorResult<StreamMessage> | undefined> {
  if (signal.aborted) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const onAbort = (): void => resolve(undefined);
    signal.addEventListener('abort', onAbort, { once: true });
    stream
      .next()
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export async function runIndexer(
  stream: MessageStream,
  handle: (message: StreamMessage) => Promise<void>,
  abortSignal?: AbortSignal,
): Promise<void> {
  while (true) {
    const result = abortSignal ? await nextUnlessAborted(stream, abortSignal) : await stream.next();
    if (!result || result.done) break;
    await handle(result.value);
  }
}
