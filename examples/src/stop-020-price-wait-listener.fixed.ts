// Stop 020, fixed: the listener is named, and the request removes it when it
// answers, whether a price arrived or the wait ran out.
import { EventEmitter } from 'node:events';
import { json, type Reply, type Request } from './lib.js';

const WAIT_MS = 25_000;

export const priceFeed = new EventEmitter();

export function handlePriceWait(req: Request): Promise<Reply> {
  const sku = req.path.slice(req.path.lastIndexOf('/') + 1);
  return new Promise((resolve) => {
    const onPrice = (changed: string, cents: number): void => {
      if (changed === sku) finish(json(200, { sku, cents }));
    };
    const timer = setTimeout(() => finish(json(204, { sku })), WAIT_MS);
    const finish = (reply: Reply): void => {
      clearTimeout(timer);
      priceFeed.removeListener('price', onPrice);
      resolve(reply);
    };
    priceFeed.on('price', onPrice);
  });
}
