// Seed 000, fixed: the dedupe table remembers when it saw each id and a sweep
// evicts every id older than the dedupe window, so it only ever holds the ids
// of the last DEDUPE_WINDOW_MS of traffic.
import { json, recordEvent, type Reply, type Request } from './lib.js';

const DEDUPE_WINDOW_MS = 5 * 60_000;
const SWEEP_EVERY_MS = 10_000;

export class EventIngestService {
  /** Request id → when it was first seen (ms since epoch). */
  private readonly seenRequestIds = new Map<string, number>();
  private lastSweep = 0;

  async ingest(req: Request, now = Date.now()): Promise<Reply> {
    this.evictExpired(now);
    if (this.seenRequestIds.has(req.id)) {
      return json(200, { duplicate: true });
    }
    this.seenRequestIds.set(req.id, now);
    await recordEvent(req.body);
    return json(202, { accepted: req.id });
  }

  /** Evicts anything older than the dedupe window (at most once per SWEEP_EVERY_MS). */
  private evictExpired(now: number): void {
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    for (const [id, seenAt] of this.seenRequestIds) {
      if (now - seenAt > DEDUPE_WINDOW_MS) this.seenRequestIds.delete(id);
    }
  }
}
