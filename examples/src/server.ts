// The service: a tiny request router that wires the seed handlers together.
// It routes to the leaky versions, as shipped; import the `.fixed.js` modules
// instead to deploy the fixes (they export the same API). The router itself is
// leak-free: routes are registered once at start-up, and the set of in-flight
// requests loses each request in a `finally` when it settles.
import { json, type Handler, type Method, type Reply, type Request } from './lib.js';
import { EventIngestService } from './seed-000-dedupe-cache.js';
import { QuoteService } from './seed-001-conditional-delete.js';
import { handleCharge } from './seed-002-idempotency-cache.js';
import { handleBatch } from './seed-003-worker-pool-timeout.js';
import { handleReport } from './seed-004-background-work-timeout.js';

export class Router {
  private readonly routes = new Map<string, Handler>();
  private readonly inFlight = new Set<Promise<Reply>>();
  private closing = false;

  register(method: Method, prefix: string, handler: Handler): this {
    this.routes.set(`${method} ${prefix}`, handler);
    return this;
  }

  async dispatch(req: Request): Promise<Reply> {
    if (this.closing) return json(503, { error: 'shutting down' });
    const handler = this.match(req);
    if (!handler) return json(404, { error: `no route for ${req.method} ${req.path}` });
    const reply = handler(req).catch((err: unknown) => json(500, { error: String(err) }));
    this.inFlight.add(reply);
    try {
      return await reply;
    } finally {
      this.inFlight.delete(reply);
    }
  }

  /** Stops taking requests and waits for the ones in progress. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.allSettled([...this.inFlight]);
  }

  private match(req: Request): Handler | undefined {
    for (const [key, handler] of this.routes) {
      const space = key.indexOf(' ');
      if (key.slice(0, space) === req.method && req.path.startsWith(key.slice(space + 1))) return handler;
    }
    return undefined;
  }
}

export function createServer(): Router {
  const events = new EventIngestService();
  const quotes = new QuoteService();
  return new Router()
    .register('POST', '/events', (req) => events.ingest(req))
    .register('POST', '/quotes', (req) => quotes.quote(req))
    .register('POST', '/charges', handleCharge)
    .register('POST', '/batches', handleBatch)
    .register('GET', '/reports/', handleReport);
}
