// Source: https://github.com/apibara/typescript-sdk/issues/222
// Bug: the indexer loop raced every `stream.next()` against one pending abort promise made before the loop; with the signal un-aborted for days, each pass left a reaction on it that held the decoded message, and memory grew with the message count.
// expect: no-abandoned-race/raceInLoop 28:41

export interface StreamMessage {
  cursor: bigint;
  blocks: Uint8Array[];
}

export interface MessageStream {
  next(): Promise<IteratorResult<StreamMessage>>;
}

function waitForAbort(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

export async function runIndexer(
  stream: MessageStream,
  handle: (message: StreamMessage) => Promise<void>,
  abortSignal?: AbortSignal,
): Promise<void> {
  const abortPromise = abortSignal ? waitForAbort(abortSignal) : null;
  while (true) {
    const result = abortPromise ? await Promise.race([stream.next(), abortPromise]) : await stream.next();
    if (!result || result.done) break;
    await handle(result.value);
  }
}
