// Source: https://github.com/LucianoGanga/simple-headless-chrome/pull/19
// Bug: promiseTimeout() left its timer armed after the browser command answered, so scripts waited for the timeout before exiting and the command was never cancelled.
// expect: no-abandoned-race/timerNeverCleared 16:28
// expect: no-abandoned-race/signalNotPassed 16:28

export interface CdpSession {
  send(method: string, params: object, options?: { signal?: AbortSignal }): Promise<{ result: { value?: unknown } }>;
}

const rejectAfter = (ms: number) =>
  new Promise<never>((_, reject) => {
    setTimeout(() => reject(new Error(`Timed out after ${ms}ms`)), ms);
  });

export async function evaluate(session: CdpSession, expression: string, timeout = 10_000): Promise<unknown> {
  const { result } = await Promise.race([
    session.send('Runtime.evaluate', { expression, awaitPromise: true }),
    rejectAfter(timeout),
  ]);
  return result.value;
}
