// Source: https://github.com/aidenybai/react-grab/pull/552
// Bug: the source-fetch queue took a concurrency slot, then started the task before entering the try whose finally gave the slot back; a task that threw synchronously kept its slot forever, and three such failures blocked every later lookup.
// expect: no-conditional-cleanup/cleanupSkippedOnThrow 42:7

export type SourceTask<T> = (signal: AbortSignal) => Promise<T>;

export class SourceFetchQueue {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  get activeFetches(): number {
    return this.active;
  }

  private takeSlot(): Promise<void> {
    if (this.active < this.limit) {
      this.active += 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      this.waiting.push(resolve);
    });
  }

  private giveSlot(): void {
    const next = this.waiting.shift();
    if (next) {
      next();
      return;
    }
    this.active -= 1;
  }

  async run<T>(task: SourceTask<T>, signal: AbortSignal): Promise<T> {
    await this.takeSlot();
    const pending = task(signal);
    try {
      return await pending;
    } finally {
      this.giveSlot();
    }
  }
}
