// Source: https://github.com/OpenAlly/npm-packages/issues/231
// Bug: none: as in that request (shipped in PR 232), the mutex's release function is also Disposable and is held by `using`, so the early release() on the cache-hit branch is an optimisation and scope exit releases it on every other path (releasing twice is harmless).
// expect: none

export type Release = (() => void) & Disposable;

export class Mutex {
  private tail: Promise<void> = Promise.resolve();

  async acquire(): Promise<Release> {
    const previous = this.tail;
    let open: () => void = () => undefined;
    this.tail = new Promise<void>((resolve) => (open = resolve));
    await previous;
    return Object.assign(() => open(), { [Symbol.dispose]: () => open() });
  }
}

export class TokenCache {
  private readonly mutex = new Mutex();
  private token: string | undefined;

  constructor(private readonly refresh: () => Promise<string>) {}

  async get(): Promise<string> {
    using release = await this.mutex.acquire();
    if (this.token !== undefined) {
      release();
      return this.token;
    }
    this.token = await this.refresh();
    return this.token;
  }
}
