// Source: https://github.com/bfirsh/jsnes/pull/387
// Bug: the emulator had no stop method and its frame loop ran forever (jsnes#24); the PR adds stop() and breaks the loop on it.
// expect: no-unstoppable-loop/loopNeverStops 18:5

export interface Frame {
  pixels: Uint8Array;
}

export class Emulator {
  private frames = 0;

  constructor(
    private readonly nextFrame: () => Promise<Frame>,
    private readonly draw: (frame: Frame) => void,
  ) {}

  async start(): Promise<void> {
    for (;;) {
      const frame = await this.nextFrame();
      this.draw(frame);
      this.frames += 1;
    }
  }

  get frameCount(): number {
    return this.frames;
  }
}
