// Seed 002 (the straight line up): a cache that makes charging idempotent, keyed
// by request id, so a retried request returns the first attempt's receipt.
// Leak: every request writes `dedupeCache` and nothing ever deletes from it, so it
// keeps one entry per request id for the whole life of the process.
import { applyCharge, json, type Charge, type Reply, type Request } from './lib.js';

interface CachedReceipt {
  receipt: string;
  chargedAt: number;
}

const dedupeCache = new Map<string, CachedReceipt>();

export async function handleCharge(req: Request): Promise<Reply> {
  const cached = dedupeCache.get(req.id);
  if (cached) return json(200, { receipt: cached.receipt, replayed: true });

  const charge = JSON.parse(req.body) as Charge;
  const receipt = await applyCharge(charge);
  dedupeCache.set(req.id, { receipt, chargedAt: Date.now() });
  return json(201, { receipt });
}
