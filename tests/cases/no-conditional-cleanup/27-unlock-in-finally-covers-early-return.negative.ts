// Source: https://github.com/livekit/client-sdk-js/pull/527
// Bug: none: Room.disconnect() returns early from inside try when already disconnected; a PR added an extra unlock() before that return, and it was reverted because the finally clause already releases the lock on the early return.
// expect: none

export class Mutex {
  private tail: Promise<void> = Promise.resolve();

  lock(): Promise<() => void> {
    let open: () => void = () => undefined;
    const next = new Promise<void>((resolve) => {
      open = resolve;
    });
    const ready = this.tail.then(() => open);
    this.tail = this.tail.then(() => next);
    return ready;
  }
}

export interface Engine {
  close(): Promise<void>;
}

export class Room {
  private readonly disconnectLock = new Mutex();
  state: 'connected' | 'disconnected' = 'connected';

  async disconnect(engine: Engine): Promise<void> {
    const unlock = await this.disconnectLock.lock();
    try {
      if (this.state === 'disconnected') {
        return;
      }
      await engine.close();
      this.state = 'disconnected';
    } finally {
      unlock();
    }
  }
}
