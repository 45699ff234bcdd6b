// Stop 020 (a listener per request): a long-poll endpoint answers with the next
// price change of one SKU, waiting on the service's shared price feed.
// Leak: every request adds a 'price' listener to the module-level feed and
// nothing ever removes it, so each request, answered or abandoned, stays on the
// feed with its closure; Node warns at 11 listeners and memory climbs from there.
import { EventEmitter } from 'node:events';
import { json, type Reply, type Request } from './lib.js';

export const priceFeed = new EventEmitter();

export function handlePriceWait(req: Request): Promise<Reply> {
  const sku = req.path.slice(req.path.lastIndexOf('/') + 1);
  return new Promise((resolve) => {
    priceFeed.on('price', (changed: string, cents: number) => {
      if (changed === sku) resolve(json(200, { sku, cents }));
    });
  });
}
