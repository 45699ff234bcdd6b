// Source: https://github.com/hydro-dev/Hydro/pull/715
// Bug: the judge's keyed lock marked a key as held with `true` and released it by writing `false`, never deleting it, so the dictionary kept one key per problem/file ever locked (and waiters polled it with sleeps).
// expect: no-unbounded-cache/objectNeverShrinks 8:9

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export namespace Lock {
  const data: Record<string, boolean> = {};

  export async function acquire(key: string): Promise<void> {
    while (data[key]) await sleep(100);
    data[key] = true;
  }

  export function release(key: string): void {
    data[key] = false;
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
