// Source: https://github.com/moq-dev/moq/pull/1400
// Bug: the video decoder loop raced each `consumer.next()` against the effect's never-settling cancel promise; every frame added a reaction that kept the frame alive, so a long playback retained hundreds of MB and GC pauses grew.
// expect: no-abandoned-race/raceInLoop 23:24

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
  for (;;) {
    const next = await Promise.race([consumer.next(), effect.cancel]);
    if (!next) break;
    decode(next);
  }
}
