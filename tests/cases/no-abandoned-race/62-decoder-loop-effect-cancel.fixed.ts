// Source: https://github.com/moq-dev/moq/pull/1400
// Bug: fixed twin (the PR's fix): the outer race is dropped; the effect's cleanup closes the consumer, so `next()` returns undefined and the loop ends by itself.
// expect: none

export interface Frame {
  timestamp: number;
  data: Uint8Array;
}

export interface FrameConsumer {
  next(): Promise<Frame | undefined>;
  close(): void;
}

export interface Effect {
  /** Settles only when the effect is torn down. */
  readonly cancel: Promise<void>;
  cleanup(fn: () => void): void;
}

export async function runDecoder(effect: Effect, consumer: FrameConsumer, decode: (frame: Frame) => void): Promise<void> {
  effect.cleanup(() => consumer.close());
  for (;;) {
    const next = await consumer.next();
    if (!next) break;
    decode(next);
  }
}
