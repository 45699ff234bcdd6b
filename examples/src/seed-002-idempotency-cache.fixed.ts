// Seed 002, fixed: entries carry an expiry (TTL), a sweep on a timer deletes the
// expired ones, and a hard cap evicts the oldest entries on insert, so even if the
// sweep falls behind the cache cannot grow past MAX_ENTRIES.
import { applyCharge, json, type Charge, type Reply, type Request } from './lib.js';

const TTL_MS = 24 * 60 * 60_000;
const SWEEP_EVERY_MS = 60_000;
const MAX_ENTRIES = 100_000;

interface CachedReceipt {
  receipt: string;
  expiresAt: number;
}

const dedupeCache = new Map<string, CachedReceipt>();

function sweepExpired(now = Date.now()): void {
  for (const [id, entry] of dedupeCache) {
    if (entry.expiresAt <= now) dedupeCache.delete(id);
  }
}

// The ticker: unref'd, so it never keeps the process alive on its own.
setInterval(sweepExpired, SWEEP_EVERY_MS).unref();

function remember(id: string, receipt: string, now: number): void {
  dedupeCache.set(id, { receipt, expiresAt: now + TTL_MS });
  // Hard cap: Map iterates in insertion order, so the first keys are the oldest.
  for (const oldest of dedupeCache.keys()) {
    if (dedupeCache.size <= MAX_ENTRIES) break;
    dedupeCache.delete(oldest);
  }
}

export async function handleCharge(req: Request): Promise<Reply> {
  const now = Date.now();
  const cached = dedupeCache.get(req.id);
  if (cached && cached.expiresAt > now) return json(200, { receipt: cached.receipt, replayed: true });

  const charge = JSON.parse(req.body) as Charge;
  const receipt = await applyCharge(charge);
  remember(req.id, receipt, now);
  return json(201, { receipt });
}
