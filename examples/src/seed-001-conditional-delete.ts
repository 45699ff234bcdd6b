// Seed 001 (the delete that wandered behind an if): an in-flight table keyed by
// request id, so that a client retry arriving while the first attempt is still
// running shares its work instead of pricing the quote twice.
// Leak: the entry is removed only inside the `if` for failed quotes; on the common
// (successful) path it stays, with its settled result, for the life of the process.
import { json, priceQuote, type Reply, type Request } from './lib.js';

export class QuoteService {
  private readonly inFlight = new Map<string, Promise<Reply>>();

  async quote(req: Request): Promise<Reply> {
    const pending = this.inFlight.get(req.id);
    if (pending) return pending;

    const work = this.price(req.body);
    this.inFlight.set(req.id, work);
    const reply = await work;
    if (reply.status !== 200) {
      // Forget failures so that a retry prices the quote again.
      this.inFlight.delete(req.id);
    }
    return reply;
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
