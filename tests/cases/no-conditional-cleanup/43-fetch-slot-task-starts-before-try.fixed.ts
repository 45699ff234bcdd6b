// Source: https://github.com/aidenybai/react-grab/pull/552
// Bug: fixed as in the PR: the task is started inside the try, so a synchronous throw also reaches the finally that gives the slot back.
// expect: none

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
    try {
      return await task(signal);
    } finally {
      this.giveSlot();
    }
  }
}
