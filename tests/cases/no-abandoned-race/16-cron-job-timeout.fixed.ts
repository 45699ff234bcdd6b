// Source: https://github.com/openclaw/openclaw/pull/70832
// Bug: fixed twin: the job gets an abortSignal that the timeout's timer aborts before rejecting, so a timed-out job stops instead of finishing late.
// expect: none

export interface CronJob {
  id: string;
  payload: { timeoutSeconds?: number };
}

export interface RunResult {
  status: 'ok' | 'error';
  error?: string;
}

declare function executeJobCore(job: CronJob, opts?: { abortSignal?: AbortSignal }): Promise<RunResult>;

export async function executeJobCoreWithTimeout(job: CronJob): Promise<RunResult> {
  const timeoutMs = (job.payload.timeoutSeconds ?? 600) * 1000;
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      executeJobCore(job, { abortSignal: controller.signal }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          const error = new Error('cron: job execution timed out');
          controller.abort(error);
          reject(error);
        }, timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
