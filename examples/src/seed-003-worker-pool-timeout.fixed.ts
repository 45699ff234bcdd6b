// Seed 003, fixed: every doWork() gets the signal of one AbortController; the
// deadline aborts it, so the workers stop when the handler gives up, and the
// `finally` clears the deadline's timer (and aborts whatever is still running
// if one job failed first), so nothing outlives the call.
import { doWork, isTimeout, json, TimeoutError, type Job, type Reply, type Request, type Result } from './lib.js';

const BATCH_DEADLINE_MS = 2_000;

export async function processBatch(jobs: readonly Job[], ms: number): Promise<Result[]> {
  const controller = new AbortController();
  const { signal } = controller;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const reason = new TimeoutError(ms);
      controller.abort(reason);
      reject(reason);
    }, ms);
  });
  try {
    return await Promise.race([Promise.all(jobs.map((job) => doWork(job, { signal }))), deadline]);
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

export async function handleBatch(req: Request): Promise<Reply> {
  const jobs = JSON.parse(req.body) as Job[];
  try {
    return json(200, await processBatch(jobs, BATCH_DEADLINE_MS));
  } catch (err) {
    if (isTimeout(err)) return json(504, { error: 'batch timed out' });
    throw err;
  }
}
