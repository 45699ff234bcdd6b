// Seed 004, fixed: no race; the deadline is a signal the work itself obeys.
// fetchReport() gets AbortSignal.timeout(ms), so when the deadline passes the
// fetch is aborted and rejects with a TimeoutError, and there is no timer of
// ours left to clear.
import { fetchReport, isTimeout, json, type Reply, type Request } from './lib.js';

const REPORT_DEADLINE_MS = 30_000;

export async function handleReport(req: Request): Promise<Reply> {
  const id = req.path.slice(req.path.lastIndexOf('/') + 1);
  try {
    const report = await fetchReport(id, { signal: AbortSignal.timeout(REPORT_DEADLINE_MS) });
    return json(200, report);
  } catch (err) {
    if (isTimeout(err)) return json(504, { error: `report ${id} timed out` });
    throw err;
  }
}
