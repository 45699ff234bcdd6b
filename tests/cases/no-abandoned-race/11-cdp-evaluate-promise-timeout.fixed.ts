// Source: https://github.com/LucianoGanga/simple-headless-chrome/pull/19
// Bug: fixed twin: the timeout handle is kept and cleared in finally, and the CDP command gets a signal aborted in finally.
// expect: none

export interface CdpSession {
  send(method: string, params: object, options?: { signal?: AbortSignal }): Promise<{ result: { value?: unknown } }>;
}

export async function evaluate(session: CdpSession, expression: string, timeout = 10_000): Promise<unknown> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const { result } = await Promise.race([
      session.send('Runtime.evaluate', { expression, awaitPromise: true }, { signal: controller.signal }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Timed out after ${timeout}ms`)), timeout);
      }),
    ]);
    return result.value;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}
