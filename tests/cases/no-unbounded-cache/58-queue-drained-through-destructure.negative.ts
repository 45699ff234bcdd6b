// Source: https://github.com/votingworks/vxsuite/pull/4368
// Bug: none: the mutex queues a waiter per contended lock and unlock() takes the next one off the queue through a destructured alias (`const { asyncQueue } = this`), so the queue holds only waiters still blocked (the shape of the PR's fix).
// expect: none

export interface Lock<T> {
  value: T;
  unlock(): void;
}

export class Mutex<T> {
  private locked = false;
  private readonly asyncQueue: Array<() => void> = [];

  constructor(private readonly value: T) {}

  async asyncLock(): Promise<Lock<T>> {
    if (this.locked) {
      await new Promise<void>((resolve) => {
        this.asyncQueue.push(resolve);
      });
    }
    this.locked = true;
    let unlocked = false;
    return {
      value: this.value,
      unlock: () => {
        if (unlocked) throw new Error('unlock called more than once');
        unlocked = true;
        this.handOver();
      },
    };
  }

  private handOver(): void {
    const { asyncQueue } = this;
    this.locked = false;
    const next = asyncQueue.shift();
    if (next) {
      this.locked = true;
      next();
    }
  }
}

export const storeLock = new Mutex<Map<string, string>>(new Map());
