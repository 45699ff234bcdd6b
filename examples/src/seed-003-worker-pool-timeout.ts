// Seed 003 (the worker pool that bailed early): a batch is fanned out across
// doWork() calls and the whole fan-out is raced against a deadline.
// Leak: when the deadline wins, the handler returns but every doWork() keeps
// running (nothing tells it to stop), holding its job and result; and when the
// work wins, the deadline's timer is never cleared and stays pending for `ms`.
import { doWork, isTimeout, json, timeout, type Job, type Reply, type Request, type Result } from './lib.js';

const BATCH_DEADLINE_MS = 2_000;

export async function processBatch(jobs: readonly Job[], ms: number): Promise<Result[]> {
  return Promise.race([Promise.all(jobs.map((job) => doWork(job))), timeout(ms)]);
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
