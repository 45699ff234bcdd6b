// Seed 004 (the feature with the generous timeout): each request starts the
// report fetch in the background and waits for it only up to a deadline.
// Leak: when the deadline wins, the handler answers 504 but fetchReport() is never
// told to stop (it accepts a signal; none is passed), so it keeps running and
// holding what it captured; when the fetch wins, the deadline's timer stays pending.
import { fetchReport, isTimeout, json, timeout, type Reply, type Request } from './lib.js';

const REPORT_DEADLINE_MS = 30_000;

export async function handleReport(req: Request): Promise<Reply> {
  const id = req.path.slice(req.path.lastIndexOf('/') + 1);
  try {
    const report = await Promise.race([fetchReport(id), timeout(REPORT_DEADLINE_MS)]);
    return json(200, report);
  } catch (err) {
    if (isTimeout(err)) return json(504, { error: `report ${id} timed out` });
    throw err;
  }
}
