// Source: https://github.com/openclaw/openclaw/pull/70832
// Bug: Promise.race in executeJobCoreWithTimeout() never cancelled executeJobCore, so a timed-out cron job kept running and later overwrote the timeout result; here the timer is cleared but the job still gets no abort signal.
// expect: no-abandoned-race/signalNotPassed 21:18

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
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      executeJobCore(job),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('cron: job execution timed out')), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
