// Source: https://github.com/JorenSix/TarsosDSP/pull/29
// Bug: fixed twin: the loop tests `stopped` on every pass, as the PR does in the loop condition.
// expect: none

export interface AudioSource {
  read(buffer: Float32Array): Promise<number>;
}

export class AudioDispatcher {
  private stopped = false;

  constructor(
    private readonly source: AudioSource,
    private readonly process: (buffer: Float32Array, length: number) => void,
  ) {}

  async run(): Promise<void> {
    const buffer = new Float32Array(2048);
    while (true) {
      if (this.stopped) return;
      const length = await this.source.read(buffer);
      this.process(buffer, length);
    }
  }

  stop(): void {
    this.stopped = true;
  }
}
