// Source: https://github.com/JorenSix/TarsosDSP/pull/29
// Bug: the dispatcher tested `stopped` once before entering its read loop; a stop() that came while the loop ran was never seen, which left an endless loop and heavy CPU load (re-expressed from a Java thread loop).
// expect: no-unstoppable-loop/loopOutlivesTeardown 20:5

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
    if (this.stopped) return;
    const buffer = new Float32Array(2048);
    while (true) {
      const length = await this.source.read(buffer);
      this.process(buffer, length);
    }
  }

  stop(): void {
    this.stopped = true;
  }
}
