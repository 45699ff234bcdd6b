// Seed 001, fixed: the delete runs in a `finally` right after the set, so the
// entry lives exactly as long as the request that made it, whichever path the
// handler takes (success, failure, or a throw). `inFlightCount()` exports the
// table's size as a metric: it should stay near the number of requests in progress.
import { json, priceQuote, type Reply, type Request } from './lib.js';

export class QuoteService {
  private readonly inFlight = new Map<string, Promise<Reply>>();

  async quote(req: Request): Promise<Reply> {
    const pending = this.inFlight.get(req.id);
    if (pending) return pending;

    const work = this.price(req.body);
    this.inFlight.set(req.id, work);
    try {
      return await work;
    } finally {
      this.inFlight.delete(req.id);
    }
  }

  inFlightCount(): number {
    return this.inFlight.size;
  }

  private async price(sku: string): Promise<Reply> {
    try {
      return json(200, await priceQuote(sku));
    } catch {
      return json(502, { error: 'pricing unavailable' });
    }
  }
}
