// Source: https://github.com/ccxt/ccxt/issues/23972
// Bug: a watch loop raced the pending per-symbol futures on every pass; a quiet symbol's future stayed the same promise for hours, and each pass added a reaction to it that held the pass's result, so memory grew to gigabytes.
// expect: no-abandoned-race/raceInLoop 35:25

export interface Trade {
  symbol: string;
  price: number;
  amount: number;
}

export class TradeFeed {
  private readonly futures = new Map<string, Promise<Trade>>();
  private readonly resolvers = new Map<string, (trade: Trade) => void>();

  /** The pending promise for a symbol's next trade: the same promise until a trade arrives. */
  future(symbol: string): Promise<Trade> {
    let pending = this.futures.get(symbol);
    if (!pending) {
      pending = new Promise<Trade>((resolve) => this.resolvers.set(symbol, resolve));
      this.futures.set(symbol, pending);
    }
    return pending;
  }

  deliver(trade: Trade): void {
    const resolve = this.resolvers.get(trade.symbol);
    this.futures.delete(trade.symbol);
    this.resolvers.delete(trade.symbol);
    resolve?.(trade);
  }
}

export async function watchPair(feed: TradeFeed, first: string, second: string, onTrade: (trade: Trade) => void, signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    const trade = await Promise.race([feed.future(first), feed.future(second)]);
    onTrade(trade);
  }
}
