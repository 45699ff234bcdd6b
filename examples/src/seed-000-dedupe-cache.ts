// Seed 000 (the weekly sawtooth): a per-request dedupe table keyed by request id.
// Leak: every request adds its id to `seenRequestIds`, nothing ever removes one,
// so the set holds every id the process has seen since it started.
import { json, recordEvent, type Reply, type Request } from './lib.js';

export class EventIngestService {
  private readonly seenRequestIds = new Set<string>();

  async ingest(req: Request): Promise<Reply> {
    if (this.seenRequestIds.has(req.id)) {
      return json(200, { duplicate: true });
    }
    this.seenRequestIds.add(req.id);
    await recordEvent(req.body);
    return json(202, { accepted: req.id });
  }
}
