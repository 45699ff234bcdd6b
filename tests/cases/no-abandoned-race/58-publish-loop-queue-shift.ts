// Source: https://github.com/Azure/azure-sdk-for-js/pull/26748
// Bug: the buffered producer's publish loop raced `queue.shift()` against a max-wait delay; while no events came, every pass left a pending shift() behind (and its delay timer after an event), so memory grew while the producer sat idle.
// expect: no-abandoned-race/timerNeverCleared 34:25
// expect: no-abandoned-race/workNeverAborted 34:25

export interface EventData {
  body: unknown;
}

export interface AwaitableQueue<T> {
  /** Resolves with the next item, waiting for one if the queue is empty. */
  shift(): Promise<T>;
}

export interface BatchSender {
  send(batch: EventData[]): Promise<void>;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function startPublishLoop(
  queue: AwaitableQueue<EventData>,
  sender: BatchSender,
  maxWaitMs: number,
  maxBatch: number,
  abortSignal: AbortSignal,
): Promise<void> {
  let batch: EventData[] = [];
  let startedAt = Date.now();
  while (!abortSignal.aborted) {
    const remaining = Math.max(0, maxWaitMs - (Date.now() - startedAt));
    const event = await Promise.race([queue.shift(), delay(remaining)]);
    if (event) batch.push(event);
    if (batch.length >= maxBatch || (batch.length > 0 && Date.now() - startedAt >= maxWaitMs)) {
      await sender.send(batch);
      batch = [];
      startedAt = Date.now();
    }
  }
}
