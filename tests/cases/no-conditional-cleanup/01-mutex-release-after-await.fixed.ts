// Source: https://github.com/MetaMask/core/pull/195
// Bug: fixed: the critical section runs inside try and the mutex is released in finally, so a rejected fetch no longer leaves it held.
// expect: none

export class Mutex {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let open: () => void = () => undefined;
    const next = new Promise<void>((resolve) => {
      open = resolve;
    });
    const ready = this.tail.then(() => open);
    this.tail = this.tail.then(() => next);
    return ready;
  }
}

export type RateFetcher = (currency: string) => Promise<Record<string, number>>;

export class TokenRatesController {
  private readonly mutex = new Mutex();
  private rates: Record<string, number> = {};

  constructor(private readonly fetchRates: RateFetcher) {}

  get current(): Readonly<Record<string, number>> {
    return this.rates;
  }

  async updateRates(currency: string): Promise<void> {
    const releaseLock = await this.mutex.acquire();
    try {
      const fresh = await this.fetchRates(currency);
      this.rates = { ...this.rates, ...fresh };
    } finally {
      releaseLock();
    }
  }
}
