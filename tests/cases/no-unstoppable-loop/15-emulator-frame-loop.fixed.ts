// Source: https://github.com/bfirsh/jsnes/pull/387
// Bug: fixed twin: stop() sets a flag and the frame loop breaks on it.
// expect: none

export interface Frame {
  pixels: Uint8Array;
}

export class Emulator {
  private frames = 0;
  private stopped = false;

  constructor(
    private readonly nextFrame: () => Promise<Frame>,
    private readonly draw: (frame: Frame) => void,
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    for (;;) {
      const frame = await this.nextFrame();
      if (this.stopped) break;
      this.draw(frame);
      this.frames += 1;
    }
  }

  stop(): void {
    this.stopped = true;
  }

  get frameCount(): number {
    return this.frames;
  }
}
