// Source: https://github.com/hydro-dev/Hydro/pull/715
// Bug: fixed (the PR): each key holds a queue of waiters; release() hands the lock to the next waiter, or deletes the key when nobody waits.
// expect: none

export namespace Lock {
  const data: Record<string, Array<() => void>> = {};

  export async function acquire(key: string): Promise<void> {
    const waiters = data[key];
    if (!waiters) {
      data[key] = [];
      return;
    }
    await new Promise<void>((resolve) => {
      waiters.push(resolve);
    });
  }

  export function release(key: string): void {
    const waiters = data[key];
    if (!waiters) return;
    const next = waiters.shift();
    if (next) next();
    else delete data[key];
  }
}

export async function withLock<T>(key: string, work: () => Promise<T>): Promise<T> {
  await Lock.acquire(key);
  try {
    return await work();
  } finally {
    Lock.release(key);
  }
}
