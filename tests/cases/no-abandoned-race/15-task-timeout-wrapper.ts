// Source: https://github.com/graphile/worker/issues/278
// Bug: the suggested task timeout raced rejectAfter() against the task; the maintainer noted the task is not stopped (the worker moves on while it still runs) and the timer is never cleared.
// expect: no-abandoned-race/timerNeverCleared 21:5
// expect: no-abandoned-race/workNeverAborted 21:5

export interface JobHelpers {
  jobId: string;
  logger: { info(message: string): void };
}

export type Task = (payload: unknown, helpers: JobHelpers) => Promise<void>;

const rejectAfter = (duration: number) =>
  new Promise<never>((_, reject) => {
    setTimeout(() => reject(new Error('Timeout')), duration);
  });

export const timeout =
  (duration: number, task: Task): Task =>
  (payload, helpers) =>
    Promise.race([rejectAfter(duration), task(payload, helpers)]);
