// Source: https://github.com/ccxt/ccxt/issues/23972
// Bug: fixed twin (idiomatic; the PR swapped in a leak-free race): the feed hands out one fresh waiter per pass for a set of symbols and drops it when it is served, so nothing long-lived is raced.
// expect: none

export interface Trade {
  symbol: string;
  price: number;
  amount: number;
}

interface Waiter {
  symbols: ReadonlySet<string>;
  resolve: (trade: Trade) => void;
}

export class TradeFeed {
  private readonly waiters = new Set<Waiter>();

  next(symbols: readonly string[]): Promise<Trade> {
    return new Promise<Trade>((resolve) => {
      this.waiters.add({ symbols: new Set(symbols), resolve });
    });
  }

  deliver(trade: Trade): void {
    for (const waiter of this.waiters) {
      if (!waiter.symbols.has(trade.symbol)) continue;
      this.waiters.delete(waiter);
      waiter.resolve(trade);
    }
  }
}

export async function watchPair(feed: TradeFeed, first: string, second: string, onTrade: (trade: Trade) => void, signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    onTrade(await feed.next([first, second]));
  }
}
