// Source: https://github.com/Azure/azure-sdk-for-js/pull/26748
// Bug: fixed twin (the PR's race that aborts its losers): each pass hands the shift() and the delay one signal and aborts it when the race settles, which withdraws the pending shift() and clears the delay's timer.
// expect: none

export interface EventData {
  body: unknown;
}

export interface AwaitableQueue<T> {
  /** Resolves with the next item, waiting for one if the queue is empty; an abort withdraws the wait. */
  shift(options?: { abortSignal?: AbortSignal }): Promise<T>;
}

export interface BatchSender {
  send(batch: EventData[]): Promise<void>;
}

function delay(ms: number, abortSignal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    abortSignal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
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
    const controller = new AbortController();
    let event: EventData | void;
    try {
      event = await Promise.race([queue.shift({ abortSignal: controller.signal }), delay(remaining, controller.signal)]);
    } finally {
      controller.abort();
    }
    if (event) batch.push(event);
    if (batch.length >= maxBatch || (batch.length > 0 && Date.now() - startedAt >= maxWaitMs)) {
      await sender.send(batch);
      batch = [];
      startedAt = Date.now();
    }
  }
}
